//===- Output.cpp - Diff, in-place, YAML and report output ----------------===//
#include "Output.h"

#include "Paths.h"
#include "UnifiedDiff.h"

#include "GupApi.h"
#include "RuleTable.h"
#include "SkippedCode.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace gup {

std::vector<ChangedFile> computeChanges(const ChangePlan &Plan,
                                        std::vector<std::string> &Problems) {
  std::vector<ChangedFile> Files;
  for (const auto &[Path, Edits] : Plan.edits()) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Problems.push_back(Path + ": error: cannot read: " +
                         Buffer.getError().message() + "; left unchanged");
      continue;
    }
    llvm::StringRef Content = (*Buffer)->getBuffer();
    const FileSnapshot *Seen = Plan.snapshot(Path);
    if (!Seen || Seen->Hash != hashContent(Content) || Seen->Size != Content.size()) {
      Problems.push_back(Path + ": error: the file changed on disk after it "
                                "was parsed; left unchanged (run again)");
      continue;
    }
    Files.push_back({Path, Content.str(), ChangePlan::apply(Content, Edits)});
  }
  return Files;
}

std::string renderDiff(const std::vector<ChangedFile> &Files,
                       const std::string &Root) {
  std::string Out;
  for (const ChangedFile &F : Files)
    Out += unifiedDiff(relativeTo(F.Path, Root), F.Original, F.New, 3, F.Created);
  return Out;
}

std::string renderFixesYaml(const ChangePlan &Plan,
                            const std::vector<ChangedFile> &Files,
                            llvm::ArrayRef<const MigrationSpec *> Specs) {
  // Only edits that are really made: not those of held-back APIs, of
  // conflicting files, or of files that changed on disk.
  std::set<std::string> Writable;
  for (const ChangedFile &F : Files)
    Writable.insert(F.Path);
  std::set<FileEdit> Made;
  for (const auto &[Path, Edits] : Plan.edits())
    if (Writable.count(Path))
      Made.insert(Edits.begin(), Edits.end());

  clang::tooling::TranslationUnitDiagnostics TU;
  for (const SiteRecord &Site : Plan.sites()) {
    if (Site.Kind != FindingKind::Rewrite || Site.Edits.empty())
      continue;
    bool AllMade = true;
    for (const FileEdit &E : Site.Edits)
      AllMade &= Made.count(E) > 0;
    if (!AllMade)
      continue;
    clang::tooling::DiagnosticMessage Message;
    Message.Message = Site.Message;
    Message.FilePath = Site.Path;
    Message.FileOffset = Site.Offset;
    for (const FileEdit &E : Site.Edits) {
      llvm::Error Err = Message.Fix[E.Path].add(
          clang::tooling::Replacement(E.Path, E.Offset, E.Length, E.Text));
      llvm::consumeError(std::move(Err)); // one site's edits never overlap
    }
    clang::tooling::Diagnostic D;
    D.DiagnosticName = "gup-" + Site.Rule;
    if (std::optional<RuleInfo> Info = findRuleInfo(Site.Rule, Specs))
      D.DiagnosticName = Info->TidyCheck.str();
    D.Message = std::move(Message);
    D.DiagLevel = clang::tooling::Diagnostic::Warning;
    TU.Diagnostics.push_back(std::move(D));
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  return Out;
}

static const char *kindWord(FindingKind Kind) {
  switch (Kind) {
  case FindingKind::Rewrite:
    return "";
  case FindingKind::NeedsAttention:
    return "needs attention: ";
  case FindingKind::Report:
    return "";
  }
  return "";
}

std::string renderReport(const ChangePlan &Plan,
                         const std::vector<const UnreadFile *> &Unread,
                         const std::string &Root) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  for (const SiteRecord &Site : Plan.sites()) {
    if (!Plan.inForce(Site))
      continue;
    std::string Where = relativeTo(Site.Path, Root) + ":" + std::to_string(Site.Line) +
                        ":" + std::to_string(Site.Column) + ": " + Site.Rule + ": ";
    OS << Where << kindWord(Site.Kind) << Site.Message;
    if (Site.Kind == FindingKind::Rewrite && Plan.blockedApis().count(Site.Api))
      OS << " (held back: other " << Site.Api << "() sites need a human)";
    OS << "\n";
    if (!Site.ReviewNote.empty() && Plan.applies(Site))
      OS << Where << "review: " << Site.ReviewNote << "\n";
  }
  for (const UnreadFile *F : Unread) {
    const FamilyMention *First = F->firstToMigrate();
    OS << relativeTo(F->Path, Root) << ":" << First->Line << ":" << First->Column
       << ": " << UnreadFileRule << ": " << describeUnread(*F) << "\n";
  }
  return Out;
}

std::string renderCoverage(const ChangePlan &Plan,
                           const std::vector<UnreadFile> &Unread,
                           const std::string &Root) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "# GUP code in #if branches this configuration skips\n";
  unsigned Skipped = 0;
  for (const SiteRecord &Site : Plan.sites()) {
    // Skipped by this configuration but parsed by another (-p given twice).
    if (Site.Rule != SkippedCode::Rule || Plan.madeByAnotherRule(Site))
      continue;
    ++Skipped;
    OS << relativeTo(Site.Path, Root) << ":" << Site.Line << ":" << Site.Column
       << ": " << (Plan.applies(Site) ? "fixed" : "NOT FIXED") << ": "
       << Site.Message << "\n";
  }
  if (!Skipped)
    OS << "(none)\n";
  OS << "# files of the tree no TU read that name the family\n";
  for (const UnreadFile &F : Unread)
    for (const FamilyMention &M : F.Mentions)
      OS << relativeTo(F.Path, Root) << ":" << M.Line << ": " << M.Name
         << "() in a file no TU of this run read"
         << (M.Migrated ? " (already in its 6.5 form)" : "") << "\n";
  if (Unread.empty())
    OS << "(none)\n";
  return Out;
}

namespace {
struct TempFile {
  std::string Temp;
  std::string Target;
};

llvm::Expected<TempFile> writeTemp(const std::string &Path,
                                   llvm::StringRef Content) {
  llvm::SmallString<256> Model(llvm::sys::path::parent_path(Path));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path) +
                                     ".gup-rewrite-%%%%%%");
  int FD;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return llvm::createStringError(EC, "cannot create a temporary file beside '" +
                                           Path + "': " + EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return llvm::createStringError(EC, "cannot write '" + Temp + "': " +
                                             EC.message());
    }
  }
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status))
    llvm::sys::fs::setPermissions(Temp, Status.permissions());
  return TempFile{std::string(Temp), Path};
}
} // namespace

llvm::Error writeFileAtomically(const std::string &Path, llvm::StringRef Content) {
  llvm::Expected<TempFile> Temp = writeTemp(Path, Content);
  if (!Temp)
    return Temp.takeError();
  if (std::error_code EC = llvm::sys::fs::rename(Temp->Temp, Path)) {
    llvm::sys::fs::remove(Temp->Temp);
    return llvm::createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  }
  return llvm::Error::success();
}

llvm::Error writeInPlace(const std::vector<ChangedFile> &Files) {
  std::vector<TempFile> Ready;
  auto Abandon = [&] {
    for (const TempFile &T : Ready)
      llvm::sys::fs::remove(T.Temp);
  };
  for (const ChangedFile &F : Files) {
    llvm::Expected<TempFile> Temp = writeTemp(F.Path, F.New);
    if (!Temp) {
      Abandon();
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     llvm::toString(Temp.takeError()) +
                                         "; no file was changed");
    }
    Ready.push_back(std::move(*Temp));
  }
  // Last check before touching anything: nobody changed a target meanwhile.
  for (const ChangedFile &F : Files) {
    auto Now = llvm::MemoryBuffer::getFile(F.Path, false, false);
    bool Unchanged = F.Created ? !Now && !llvm::sys::fs::exists(F.Path)
                               : Now && (*Now)->getBuffer() == F.Original;
    if (!Unchanged) {
      Abandon();
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "'" + F.Path + "' changed on disk while gup-rewrite ran; no file was changed");
    }
  }
  for (const TempFile &T : Ready)
    if (std::error_code EC = llvm::sys::fs::rename(T.Temp, T.Target)) {
      Abandon();
      return llvm::createStringError(EC, "cannot replace '" + T.Target +
                                             "': " + EC.message());
    }
  return llvm::Error::success();
}

} // namespace gup
