//===- SpecRules.cpp - What the rules of the spec kinds share -------------===//
#include "SpecRules.h"

#include "../../VersionGuards.h"

#include "clang/AST/DeclBase.h"

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace gup {

unsigned versionCode(KernelVersion V) {
  return ((V / 100) << 16) | ((V % 100) << 8);
}

/// \p Path made absolute (against the TU's working directory, which the
/// front end may give the file manager rather than the process), without
/// "." and "..".
static std::string absolutePath(llvm::StringRef Path, const SourceManager &SM) {
  llvm::SmallString<256> Abs(Path);
  SM.getFileManager().makeAbsolutePath(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

bool SpecSiteContext::editable(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getFileLoc(Loc);
  if (SM.isInSystemHeader(Loc))
    return false;
  FileID File = SM.getFileID(Loc);
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return false; // <built-in>, <scratch space>
  return editablePath(Entry->getName());
}

bool SpecSiteContext::editablePath(llvm::StringRef File) const {
  std::string Root = Options.TreeRoot;
  if (Root.empty()) {
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    if (!Main)
      return false;
    Root = std::string(llvm::sys::path::parent_path(absolutePath(Main->getName(), SM)));
  }
  Root = absolutePath(Root, SM);
  std::string Path = absolutePath(File, SM);
  return Path == Root ||
         (llvm::StringRef(Path).starts_with(Root) && Path.size() > Root.size() &&
          llvm::sys::path::is_separator(Path[Root.size()]));
}

bool SpecSiteContext::oldKernelsOnly(SourceLocation Loc,
                                     const MigrationSpec &Spec) const {
  if (!Versions || Loc.isInvalid())
    return false;
  auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  return Versions->rangeAt(File, Offset, SM, LO).Below <= versionCode(Spec.Kernel);
}

Finding SpecSiteContext::finding(const RuleInfo &Rule, const SpecUse &Use,
                                 SourceLocation Loc, FindingKind Kind,
                                 std::string Message) const {
  Finding F;
  F.Rule = Rule.Name;
  F.Api = Use.Entry.Name;
  F.Migration = Use.Spec.Id;
  F.Kind = Kind;
  F.Loc = Loc;
  F.Message = std::move(Message);
  return F;
}

void SpecSiteContext::reportEdit(Finding F, llvm::Expected<TextEdit> Edit,
                                 FindingKind IfNot) {
  if (Edit) {
    F.Edits.push_back(std::move(*Edit));
    F.Side = ApiSide::New;
  } else {
    F.Kind = IfNot;
    F.Message += "; not changed: " + llvm::toString(Edit.takeError()) +
                 "; edit it by hand";
    F.Edits.clear();
  }
  report(std::move(F));
}

std::string SpecSiteContext::declaredInTree(const Decl *Declared) const {
  if (Declared)
    for (const Decl *Redecl : Declared->redecls())
      if (editable(SM.getExpansionLoc(Redecl->getLocation()))) {
        PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Redecl->getLocation()));
        return llvm::sys::path::filename(P.getFilename()).str() + ":" +
               std::to_string(P.getLine());
      }
  return "";
}

bool SpecSiteContext::reportIfDefinedInTree(const RuleInfo &Rule, const SpecUse &Use,
                                            SourceLocation Loc, llvm::StringRef What,
                                            const Decl *Declared) {
  std::string Where = declaredInTree(Declared);
  if (Where.empty() && DefinedInTree)
    Where = DefinedInTree(Use.Entry);
  if (Where.empty())
    return false;
  report(finding(Rule, Use, Loc, FindingKind::Report,
                 What.str() + ", but this tree defines " +
                     Use.Entry.Name + " itself (" + Where +
                     "): not changed, since the callers and the definition must "
                     "change together; " +
                     (Options.Compat != CompatMode::None
                          ? "--compat's version tests are for code built against "
                            "several kernels, not for the tree that defines the API: "
                            "run without --compat to change both, or "
                          : "") +
                     "migrate the definition and its callers by "
                     "hand, or leave both as they are"));
  return true;
}

llvm::Error cannotEdit(llvm::StringRef Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

llvm::ArrayRef<const RuleInfo *> specRuleInfos() {
  static const RuleInfo *const Infos[] = {
      &renamedApiRule(),     &removedArgumentRule(), &movedHeaderRule(),
      &removedInitializerRule(), &removedApiRule(),
  };
  return Infos;
}

} // namespace gup
