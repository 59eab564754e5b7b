//===- UnreadFiles.cpp - Files of the tree that no TU of the run read -----===//
#include "UnreadFiles.h"
#include "CTokens.h"

#include "Migrations.h"

#include "llvm/ADT/StringMap.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <map>

namespace gup {

const FamilyMention *UnreadFile::firstToMigrate() const {
  for (const FamilyMention &M : Mentions)
    if (!M.Migrated)
      return &M;
  return nullptr;
}

std::string describeUnread(const UnreadFile &F) {
  std::map<std::string, unsigned> Uses;
  for (const FamilyMention &M : F.Mentions)
    if (!M.Migrated)
      ++Uses[M.Include ? "#include <" + M.Name + ">" : M.Name + "()"];
  std::string Text = "no translation unit of this run read this file, which uses ";
  size_t K = 0;
  for (const auto &[Name, Count] : Uses) {
    if (K++)
      Text += K == Uses.size() ? " and " : ", ";
    Text += Name;
    if (Count > 1)
      Text += " (" + std::to_string(Count) + " places)";
  }
  return Text + ": it was not migrated; add the compile DB of a configuration "
                "that builds it (-p), or leave it out on purpose with "
                "--ignore-unread=GLOB";
}

namespace {
/// What the selected migrations change, as the scan looks for it.
struct Scanned {
  NameSet Identifiers;
  /// Parameter count before the change, of functions that lost one: a
  /// call with one argument less is migrated already.
  llvm::StringMap<unsigned> ArityBefore;
  std::vector<std::string> Headers; ///< #include spellings (moved headers)
};
} // namespace

/// The names of \p What in \p Text, with line, column and whether each one
/// is already migrated.
static std::vector<FamilyMention> familyMentions(llvm::StringRef Text,
                                                 const Scanned &What) {
  std::vector<FamilyMention> Found;
  size_t Counted = 0, LineStart = 0; // newlines are counted up to Counted
  unsigned Line = 1;
  auto Position = [&](size_t At) {
    for (size_t I = Counted; I < At; ++I)
      if (Text[I] == '\n') {
        ++Line;
        LineStart = I + 1;
      }
    Counted = At;
    return std::pair<unsigned, unsigned>(Line, unsigned(At - LineStart + 1));
  };
  lexCTokens(
      Text,
      [&](llvm::StringRef Spelling, bool) {
        if (!llvm::is_contained(What.Headers, Spelling))
          return;
        // Where the directive's line starts: the mention is the #include.
        size_t At = Text.rfind('\n', Spelling.data() - Text.data());
        At = At == llvm::StringRef::npos ? 0 : At + 1;
        auto [L, C] = Position(At);
        FamilyMention M{L, C, Spelling.str()};
        M.Include = true;
        Found.push_back(std::move(M));
      },
      [&](llvm::StringRef Word, llvm::StringRef) {
        if (!What.Identifiers.contains(Word))
          return true;
        size_t At = Word.data() - Text.data();
        auto [L, C] = Position(At);
        auto Arity = What.ArityBefore.find(Word);
        std::optional<unsigned> Items = listItemsAfter(Text, At + Word.size());
        Found.push_back({L, C, Word.str(), false,
                         Arity != What.ArityBefore.end() && Items &&
                             *Items + 1 == Arity->second});
        return true;
      });
  return Found;
}

std::vector<UnreadFile>
scanUnreadFiles(const std::set<std::string> &FilesSeen, const std::string &Root,
                llvm::ArrayRef<const MigrationSpec *> Specs) {
  // The walk is cheap; reading is not: the files are read on all cores,
  // and one without a name of the family as a substring is not lexed.
  std::vector<std::string> Candidates;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Root, EC, /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Path = It->path();
    llvm::StringRef Name = llvm::sys::path::filename(Path);
    if (It->type() == llvm::sys::fs::file_type::directory_file) {
      if (Name.starts_with("."))
        It.no_push();
      continue;
    }
    if (It->type() != llvm::sys::fs::file_type::regular_file ||
        !(Name.ends_with(".c") || Name.ends_with(".h")) || FilesSeen.count(Path.str()))
      continue;
    Candidates.push_back(Path.str());
  }
  std::vector<const MigrationSpec *> Selected(Specs.begin(), Specs.end());
  if (Selected.empty())
    Selected.push_back(&gupVmasMigration());
  Scanned What;
  SiteNames Names = siteNames(Selected);
  for (const std::string &Name : Names.Identifiers)
    What.Identifiers.insert(Name);
  What.Headers = Names.Headers;
  for (const MigrationSpec *Spec : Selected)
    for (const SpecEntry &E : Spec->Entries)
      if (E.Kind == SpecEntryKind::ParameterRemoved)
        What.ArityBefore.try_emplace(E.Name, E.Arity);
  std::vector<UnreadFile> Found(Candidates.size());
  llvm::parallelFor(0, Candidates.size(), [&](size_t I) {
    thread_local std::string Buffer;
    if (!readWholeFile(Candidates[I], Buffer))
      return;
    if (!What.Identifiers.mayOccurIn(Buffer) &&
        llvm::none_of(What.Headers, [&](const std::string &Header) {
          return llvm::StringRef(Buffer).contains(Header);
        }))
      return;
    Found[I].Path = Candidates[I];
    Found[I].Mentions = familyMentions(Buffer, What);
  });
  llvm::erase_if(Found, [](const UnreadFile &F) { return F.Mentions.empty(); });
  llvm::sort(Found, [](const UnreadFile &A, const UnreadFile &B) { return A.Path < B.Path; });
  return Found;
}

} // namespace gup
