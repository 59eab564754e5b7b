//===- UnreadFiles.cpp - Files of the tree that no TU of the run read -----===//
#include "UnreadFiles.h"
#include "CTokens.h"

#include "GupApi.h"

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
      ++Uses[M.Name];
  std::string Text = "no translation unit of this run read this file, which uses ";
  size_t K = 0;
  for (const auto &[Name, Count] : Uses) {
    if (K++)
      Text += K == Uses.size() ? " and " : ", ";
    Text += Name + "()";
    if (Count > 1)
      Text += " (" + std::to_string(Count) + " places)";
  }
  return Text + ": it was not migrated; add the compile DB of a configuration "
                "that builds it (-p), or leave it out on purpose with "
                "--ignore-unread=GLOB";
}

/// The family's names in \p Text, with line, column and whether each one is
/// already migrated.
static std::vector<FamilyMention> familyMentions(llvm::StringRef Text) {
  std::vector<FamilyMention> Found;
  size_t Counted = 0, LineStart = 0; // newlines are counted up to Counted
  unsigned Line = 1;
  lexCTokens(
      Text, [](llvm::StringRef, bool) {},
      [&](llvm::StringRef Word, llvm::StringRef) {
        const GupFunction *F = findGupFunction(Word);
        if (!F)
          return true;
        size_t At = Word.data() - Text.data();
        for (size_t I = Counted; I < At; ++I)
          if (Text[I] == '\n') {
            ++Line;
            LineStart = I + 1;
          }
        Counted = At;
        std::optional<unsigned> Items = listItemsAfter(Text, At + Word.size());
        Found.push_back({Line, unsigned(At - LineStart + 1), Word.str(),
                         Items && *Items + 1 == F->Arity});
        return true;
      });
  return Found;
}

std::vector<UnreadFile> scanUnreadFiles(const std::set<std::string> &FilesSeen,
                                        const std::string &Root) {
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
  static const NameSet Family = [] {
    NameSet Names;
    for (const GupFunction &F : gupFamily())
      Names.insert(F.Name);
    return Names;
  }();
  std::vector<UnreadFile> Found(Candidates.size());
  llvm::parallelFor(0, Candidates.size(), [&](size_t I) {
    thread_local std::string Buffer;
    if (!readWholeFile(Candidates[I], Buffer) || !Family.mayOccurIn(Buffer))
      return;
    Found[I].Path = Candidates[I];
    Found[I].Mentions = familyMentions(Buffer);
  });
  llvm::erase_if(Found, [](const UnreadFile &F) { return F.Mentions.empty(); });
  llvm::sort(Found, [](const UnreadFile &A, const UnreadFile &B) { return A.Path < B.Path; });
  return Found;
}

} // namespace gup
