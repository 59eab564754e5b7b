//===- SpecAnalysis.cpp - Feed the spec kinds' rules from one TU ----------===//
#include "SpecAnalysis.h"

#include "SkippedCode.h"
#include "VersionGuards.h"
#include "rules/spec/SpecRules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace gup {

namespace {
constexpr llvm::StringLiteral RefId = "spec-ref";
constexpr llvm::StringLiteral CallId = "spec-call";
constexpr llvm::StringLiteral InitListId = "spec-init-list";

/// Entry kinds whose sites are uses of a function or macro name.
bool namesAnApi(SpecEntryKind Kind) {
  return Kind == SpecEntryKind::Renamed || Kind == SpecEntryKind::ParameterRemoved ||
         Kind == SpecEntryKind::Removed;
}

template <typename Fn> void forEachEntry(llvm::ArrayRef<const MigrationSpec *> Specs, Fn F) {
  for (const MigrationSpec *S : Specs)
    for (const SpecEntry &E : S->Entries)
      F(*S, E);
}

/// The parameter-removed entries of functions (not macros): each has a
/// whole-TU pass, numbered in this order (its matchers' ids).
std::vector<RemovedParameter>
removedFunctionParameters(llvm::ArrayRef<const MigrationSpec *> Specs) {
  std::vector<RemovedParameter> Removed;
  forEachEntry(Specs, [&](const MigrationSpec &S, const SpecEntry &E) {
    if (E.Kind == SpecEntryKind::ParameterRemoved && !E.Macro)
      Removed.push_back({&S, &E, unsigned(Removed.size())});
  });
  return Removed;
}

std::vector<std::string> namesOf(llvm::ArrayRef<const MigrationSpec *> Specs,
                                 llvm::function_ref<bool(const SpecEntry &)> Pick) {
  std::vector<std::string> Names;
  forEachEntry(Specs, [&](const MigrationSpec &, const SpecEntry &E) {
    if (Pick(E) && !llvm::is_contained(Names, E.Name))
      Names.push_back(E.Name);
  });
  return Names;
}
} // namespace

std::vector<const MigrationSpec *> dataDrivenSpecs(const MigrationOptions &Options) {
  std::vector<const MigrationSpec *> Specs;
  for (const MigrationSpec *S : Options.Migrations)
    if (S && S->Id != gupVmasMigration().Id)
      Specs.push_back(S);
  return Specs;
}

bool gupMigrationSelected(const MigrationOptions &Options) {
  return Options.Migrations.empty() ||
         llvm::any_of(Options.Migrations, [](const MigrationSpec *S) {
           return S && S->Id == gupVmasMigration().Id;
         });
}

std::vector<std::string> specSiteNames(llvm::ArrayRef<const MigrationSpec *> Specs) {
  std::vector<std::string> Names =
      namesOf(Specs, [](const SpecEntry &E) { return namesAnApi(E.Kind); });
  forEachEntry(Specs, [&](const MigrationSpec &, const SpecEntry &E) {
    if (E.Kind == SpecEntryKind::InitializerRemoved && !E.Value.empty() &&
        !llvm::is_contained(Names, E.Value))
      Names.push_back(E.Value);
  });
  return Names;
}

std::vector<std::string> specRemovedParameterTypes(llvm::ArrayRef<const MigrationSpec *> Specs) {
  std::vector<std::string> Types;
  for (const RemovedParameter &R : removedFunctionParameters(Specs))
    if (!R.Entry->ParameterType.empty() && !llvm::is_contained(Types, R.Entry->ParameterType))
      Types.push_back(R.Entry->ParameterType);
  return Types;
}

//===----------------------------------------------------------------------===//
// What the preprocessor shows.
//===----------------------------------------------------------------------===//

struct SpecAnalysis::Recorded {
  /// A macro of an entry expanded; Loc is where its name token came from.
  struct Expansion {
    std::string Name;
    SourceLocation Loc;
  };
  struct Include {
    std::string Header;
    SourceLocation Hash;
    CharSourceRange FileName;
    bool Angled;
  };
  /// A name of an entry in the body of a #define.
  struct BodyName {
    std::string Name;
    SourceLocation Loc;
    std::string Define;
    std::vector<std::string> Parameters;
  };
  llvm::StringSet<> Watched; ///< names of API entries
  llvm::StringSet<> Headers; ///< old paths of header entries
  std::vector<Expansion> Expansions;
  std::vector<Include> Includes;
  std::vector<BodyName> Bodies;
  /// Raw encodings of the locations in Bodies (a macro argument spelled in
  /// a body is decided with the body).
  llvm::DenseSet<unsigned> BodyLocs;
  /// Where a watched name is #defined (the first definition seen).
  llvm::StringMap<SourceLocation> DefinedMacros;
  /// The file each old header resolved to.
  llvm::StringMap<std::string> IncludedPaths;
};

namespace {
class SpecRecorder : public PPCallbacks {
public:
  explicit SpecRecorder(SpecAnalysis::Recorded &Seen) : Seen(Seen) {}

  void MacroExpands(const Token &Name, const MacroDefinition &MD, SourceRange,
                    const MacroArgs *) override {
    const IdentifierInfo *Id = Name.getIdentifierInfo();
    if (Id && Seen.Watched.count(Id->getName()))
      Seen.Expansions.push_back({Id->getName().str(), Name.getLocation()});
  }

  void MacroDefined(const Token &Name, const MacroDirective *MD) override {
    const IdentifierInfo *Id = Name.getIdentifierInfo();
    const MacroInfo *MI = MD ? MD->getMacroInfo() : nullptr;
    if (!Id || !MI)
      return;
    if (Seen.Watched.count(Id->getName()))
      Seen.DefinedMacros.try_emplace(Id->getName(), Name.getLocation());
    std::vector<std::string> Parameters;
    bool ParametersRead = false;
    for (const Token &T : MI->tokens()) {
      const IdentifierInfo *Used = T.getIdentifierInfo();
      if (!Used || !Seen.Watched.count(Used->getName()) || !T.getLocation().isFileID())
        continue;
      if (!ParametersRead) {
        for (const IdentifierInfo *P : MI->params())
          Parameters.push_back(P->getName().str());
        ParametersRead = true;
      }
      Seen.Bodies.push_back(
          {Used->getName().str(), T.getLocation(), Id->getName().str(), Parameters});
      Seen.BodyLocs.insert(T.getLocation().getRawEncoding());
    }
  }

  void InclusionDirective(SourceLocation Hash, const Token &, StringRef FileName,
                          bool Angled, CharSourceRange FileNameRange,
                          OptionalFileEntryRef File, StringRef, StringRef,
                          const Module *, bool, SrcMgr::CharacteristicKind) override {
    if (!Seen.Headers.count(FileName))
      return;
    Seen.Includes.push_back({FileName.str(), Hash, FileNameRange, Angled});
    if (File)
      Seen.IncludedPaths.try_emplace(FileName, File->getName().str());
  }

private:
  SpecAnalysis::Recorded &Seen;
};
} // namespace

SpecAnalysis::SpecAnalysis(const MigrationOptions &Options, FindingSink &Sink,
                           const VersionGuards &Versions)
    : Options(Options), Sink(Sink), Versions(Versions),
      Specs(dataDrivenSpecs(Options)), Seen(std::make_unique<Recorded>()) {
  for (const RemovedParameter &R : removedFunctionParameters(Specs))
    Passes.push_back(std::make_unique<WholeMigration>(Options, Sink, &Versions, R));
}

SpecAnalysis::~SpecAnalysis() = default;

std::unique_ptr<PPCallbacks> SpecAnalysis::callbacks() {
  forEachEntry(Specs, [&](const MigrationSpec &, const SpecEntry &E) {
    if (namesAnApi(E.Kind))
      Seen->Watched.insert(E.Name);
    else if (E.Kind == SpecEntryKind::HeaderMoved)
      Seen->Headers.insert(E.Name);
  });
  return std::make_unique<SpecRecorder>(*Seen);
}

//===----------------------------------------------------------------------===//
// AST matches.
//===----------------------------------------------------------------------===//

void SpecAnalysis::registerMatchers(MatchFinder &Finder, MatchFinder::MatchCallback *Receiver,
                                    llvm::ArrayRef<const MigrationSpec *> Specs) {
  // The matchers copy the names they are given.
  std::vector<std::string> FunctionNames =
      namesOf(Specs, [](const SpecEntry &E) { return namesAnApi(E.Kind); });
  std::vector<std::string> DroppedNames = namesOf(
      Specs, [](const SpecEntry &E) { return E.Kind == SpecEntryKind::ParameterRemoved; });
  std::vector<std::string> RecordNames = namesOf(
      Specs, [](const SpecEntry &E) { return E.Kind == SpecEntryKind::InitializerRemoved; });
  std::vector<llvm::StringRef> Functions(FunctionNames.begin(), FunctionNames.end());
  std::vector<llvm::StringRef> Dropped(DroppedNames.begin(), DroppedNames.end());
  std::vector<llvm::StringRef> Records(RecordNames.begin(), RecordNames.end());
  if (!Functions.empty())
    Finder.addMatcher(declRefExpr(to(functionDecl(hasAnyName(Functions)))).bind(RefId),
                      Receiver);
  if (!Dropped.empty())
    Finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(Dropped)))).bind(CallId),
                      Receiver);
  if (!Records.empty())
    Finder.addMatcher(
        initListExpr(hasType(recordDecl(hasAnyName(Records)))).bind(InitListId), Receiver);
  for (const RemovedParameter &R : removedFunctionParameters(Specs))
    WholeMigration::registerMatchers(Finder, Receiver, R);
}

namespace {
/// The file location where the name token at \p Loc is written, or an
/// invalid location when a macro body writes it (SpecAnalysis decides the
/// names in #define bodies from the definitions).
SourceLocation writtenAt(SourceLocation Loc, const SourceManager &SM,
                         const llvm::DenseSet<unsigned> &BodyLocs) {
  if (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc))
      return {};
    Loc = SM.getSpellingLoc(Loc);
  }
  if (BodyLocs.count(Loc.getRawEncoding()))
    return {};
  return Loc;
}
} // namespace

bool SpecAnalysis::run(const MatchFinder::MatchResult &Result) {
  const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>(RefId);
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId);
  const auto *List = Result.Nodes.getNodeAs<InitListExpr>(InitListId);
  if (!Ref && !Call && !List) {
    for (const std::unique_ptr<WholeMigration> &Pass : Passes)
      if (Pass->collect(Result))
        return true;
    return false;
  }
  if (!active())
    return true;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  SpecSiteContext C(Options, Sink, SM, Ctx.getLangOpts(), &Ctx, &Versions);

  if (Ref || Call) {
    const NamedDecl *Named = Ref ? Ref->getDecl() : Call->getDirectCallee();
    if (!Named || !Named->getIdentifier())
      return true;
    SourceLocation At = writtenAt(Ref ? Ref->getLocation() : Call->getCallee()->getExprLoc(),
                                  SM, Seen->BodyLocs);
    if (At.isInvalid())
      return true;
    forEachEntry(Specs, [&](const MigrationSpec &S, const SpecEntry &E) {
      if (E.Name != Named->getName() || !namesAnApi(E.Kind))
        return;
      SpecUse Use{S, E};
      if (Call) {
        if (E.Kind == SpecEntryKind::ParameterRemoved)
          dropArgumentOfCall(*Call, Use, C);
        return;
      }
      switch (E.Kind) {
      case SpecEntryKind::Renamed:
        renameReference(*Ref, Use, C);
        break;
      case SpecEntryKind::Removed:
        reportRemovedUse(At, Use, C);
        break;
      case SpecEntryKind::ParameterRemoved:
        if (!calleeOf(*Ref, Ctx))
          reportUncalledReference(*Ref, At, Use, C);
        break;
      default:
        break;
      }
    });
    return true;
  }

  // Initialisers: both forms of a list can match; the written one counts.
  const InitListExpr *Written = List->isSemanticForm() && List->getSyntacticForm()
                                    ? List->getSyntacticForm()
                                    : List;
  for (const Expr *Init : Written->inits()) {
    const auto *Designated = dyn_cast_or_null<DesignatedInitExpr>(Init);
    if (!Designated || !DecidedInits.insert(Designated).second)
      continue;
    if (const Expr *Value = Designated->getInit()) {
      auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Value->getBeginLoc()));
      DecidedValues.insert({File.getHashValue(), Offset});
    }
    forEachEntry(Specs, [&](const MigrationSpec &S, const SpecEntry &E) {
      if (E.Kind == SpecEntryKind::InitializerRemoved &&
          List->getType()->getAsRecordDecl() &&
          List->getType()->getAsRecordDecl()->getName() == E.Name)
        removeInitializer(*Designated, SpecUse{S, E}, C);
    });
  }
  return true;
}

//===----------------------------------------------------------------------===//
// The end of the TU: what the preprocessor saw, and skipped code.
//===----------------------------------------------------------------------===//

namespace {
std::string fileAndLine(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return "";
  return llvm::sys::path::filename(P.getFilename()).str() + ":" +
         std::to_string(P.getLine());
}

/// A file inside the tree that \p Header (a path this TU included) brings
/// in, directly or through other headers, as the path; or "". An O= build
/// resolves <asm/unaligned.h> to a wrapper it generated outside the tree,
/// whose content is the tree's own asm-generic header: the header is still
/// the tree's. (A module's headers all come from outside its tree.)
std::string treeFileBehind(llvm::StringRef Header, const SourceManager &SM,
                           const SpecSiteContext &C) {
  // Files are entered after the file that includes them, so one pass in
  // order finds every file under the header.
  llvm::DenseSet<FileID> Under;
  for (unsigned I = 1, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
    if (!Entry.isFile())
      continue;
    OptionalFileEntryRef File = Entry.getFile().getContentCache().OrigEntry;
    if (!File)
      continue;
    FileID Self = SM.getFileID(SourceLocation::getFromRawEncoding(Entry.getOffset()));
    SourceLocation IncludedAt = Entry.getFile().getIncludeLoc();
    bool IsHeader = File->getName() == Header;
    if (!IsHeader && (IncludedAt.isInvalid() || !Under.count(SM.getFileID(IncludedAt))))
      continue;
    Under.insert(Self);
    if (!IsHeader && C.editablePath(File->getName()))
      return File->getName().str();
  }
  return "";
}

} // namespace

void SpecAnalysis::finish(ASTContext &Ctx, llvm::ArrayRef<SourceRange> Skipped) {
  if (!active())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SpecSiteContext C(Options, Sink, SM, Ctx.getLangOpts(), &Ctx, &Versions);
  // The whole-TU pass of an entry runs where the tree declares the
  // function (the call rule asks the same question of each call's callee).
  // What code the build skips must follow: the functions whose pass ran
  // (the tree changes them with their callers) and the static helpers that
  // lose their parameter with them.
  struct Followed {
    const RemovedParameter *Removed;
    std::string Name; ///< the entry's function, or a helper
    bool Helper;
  };
  std::vector<Followed> MustFollow;
  for (const std::unique_ptr<WholeMigration> &Pass : Passes) {
    bool InTree = false;
    for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(
             DeclarationName(&Ctx.Idents.get(Pass->removed().Entry->Name))))
      InTree |= isa<FunctionDecl>(D) && !C.declaredInTree(D).empty();
    // --compat writes version tests for code built against several
    // kernels; a tree that defines the function is the kernel side of it,
    // so its sites are reported (reportIfDefinedInTree) and nothing of it
    // changes, rather than guarding calls whose callee changes in place.
    if (!InTree || Options.Compat != CompatMode::None) {
      Pass->clear();
      continue;
    }
    MustFollow.push_back({&Pass->removed(), Pass->removed().Entry->Name, false});
    for (ChangedFunction &Helper : Pass->finish(Ctx))
      MustFollow.push_back({&Pass->removed(), Helper.Name, true});
  }
  llvm::StringMap<std::string> BehindHeader; // treeFileBehind() per header
  C.DefinedInTree = [&](const SpecEntry &E) -> std::string {
    if (E.Kind == SpecEntryKind::HeaderMoved) {
      auto It = Seen->IncludedPaths.find(E.Name);
      if (It == Seen->IncludedPaths.end())
        return "";
      if (C.editablePath(It->second))
        return llvm::sys::path::filename(It->second).str();
      auto [Memo, New] = BehindHeader.try_emplace(It->second);
      if (New)
        Memo->second = treeFileBehind(It->second, SM, C);
      const std::string &Behind = Memo->second;
      if (Behind.empty())
        return "";
      llvm::StringRef Shown = Behind;
      if (!Options.TreeRoot.empty() && Shown.consume_front(Options.TreeRoot))
        Shown = Shown.ltrim('/');
      return "the build's " + llvm::sys::path::filename(It->second).str() +
             " includes the tree's " + Shown.str();
    }
    std::string Name = E.Kind == SpecEntryKind::InitializerRemoved ? E.Value : E.Name;
    auto Macro = Seen->DefinedMacros.find(Name);
    if (Macro != Seen->DefinedMacros.end() && C.editable(Macro->second))
      return fileAndLine(Macro->second, SM);
    for (const NamedDecl *D :
         Ctx.getTranslationUnitDecl()->lookup(DeclarationName(&Ctx.Idents.get(Name))))
      for (const Decl *Redecl : D->redecls())
        if (C.editable(SM.getExpansionLoc(Redecl->getLocation())))
          return fileAndLine(Redecl->getLocation(), SM);
    return "";
  };
  auto Decide = [&](const TokenSite &Site, const std::string &Name) {
    forEachEntry(Specs, [&](const MigrationSpec &S, const SpecEntry &E) {
      if (E.Name != Name)
        return;
      SpecUse Use{S, E};
      switch (E.Kind) {
      case SpecEntryKind::Renamed:
        renameTokens(Site, Use, C);
        break;
      case SpecEntryKind::ParameterRemoved:
        dropArgumentOfTokens(Site, Use, C);
        break;
      case SpecEntryKind::Removed: {
        std::pair<FileID, unsigned> At = SM.getDecomposedLoc(Site.Name);
        if (!DecidedValues.count({At.first.getHashValue(), At.second}))
          reportRemovedUse(Site.Name, Use, C);
        break;
      }
      default:
        break;
      }
    });
  };
  for (const Recorded::Expansion &E : Seen->Expansions) {
    SourceLocation At = writtenAt(E.Loc, SM, Seen->BodyLocs);
    if (At.isValid())
      Decide(TokenSite{At, false, "", {}}, E.Name);
  }
  for (const Recorded::BodyName &B : Seen->Bodies)
    if (C.editable(B.Loc))
      Decide(TokenSite{B.Loc, true, B.Define, B.Parameters}, B.Name);
  for (const Recorded::Include &I : Seen->Includes)
    forEachEntry(Specs, [&](const MigrationSpec &S, const SpecEntry &E) {
      if (E.Kind == SpecEntryKind::HeaderMoved && E.Name == I.Header)
        moveInclude(I.Hash, I.FileName, I.Angled, SpecUse{S, E}, C);
    });

  // Inactive #if branches of the tree's files: every name of an entry there
  // is reported (this configuration cannot migrate it).
  for (SourceRange R : Skipped) {
    SourceLocation Begin = SM.getFileLoc(R.getBegin());
    if (!C.editable(Begin))
      continue;
    std::pair<FileID, unsigned> Start = SM.getDecomposedLoc(Begin);
    FileID File = Start.first;
    unsigned From = Start.second;
    unsigned To = SM.getDecomposedLoc(SM.getFileLoc(R.getEnd())).second;
    llvm::StringRef Text = SM.getBufferData(File);
    if (To > Text.size() || To < From)
      continue;
    // Where a name counts: an identifier token for an API; the start of a
    // `<...>` or `"..."` header name for a header. A name in a comment or
    // in a message string is no use of it.
    std::vector<RawTok> Tokens = lexRange(File, From, To, SM, Ctx.getLangOpts());
    forEachEntry(Specs, [&](const MigrationSpec &S, const SpecEntry &E) {
      bool Path = E.Kind == SpecEntryKind::HeaderMoved;
      std::string Name = E.Kind == SpecEntryKind::InitializerRemoved ? "" : E.Name;
      if (Name.empty())
        return;
      std::vector<unsigned> Mentions;
      for (const RawTok &T : Tokens) {
        if (!Path) {
          if (T.Kind == tok::raw_identifier && T.Text == Name)
            Mentions.push_back(T.Begin);
        } else if ((T.Kind == tok::less && Text.substr(T.Begin + 1).starts_with(Name + ">")) ||
                   (T.Kind == tok::string_literal && T.Text.size() == Name.size() + 2 &&
                    T.Text.substr(1).starts_with(Name))) {
          Mentions.push_back(T.Begin + 1);
        }
      }
      for (unsigned At : Mentions) {
        SourceLocation Loc = SM.getComposedLoc(File, At);
        // A branch for one side of the change only is written for it
        // (class_create() keeps its name on the new side).
        if (C.oldKernelsOnly(Loc, S) ||
            Versions.rangeAt(File, At, SM, Ctx.getLangOpts()).AtLeast >= versionCode(S.Kernel))
          continue;
        Finding F;
        F.Rule = SkippedCode::Rule;
        F.Api = E.Name;
        F.Migration = S.Id;
        F.Kind = FindingKind::Report;
        F.Loc = Loc;
        F.Message = (Path ? "<" + E.Name + ">" : E.Name) + " (" + S.Id + ", Linux " +
                    formatKernelVersion(S.Kernel) +
                    ") is named in code this build skips (an inactive #if branch): "
                    "not changed; migrate it by hand, or run again with a "
                    "configuration that compiles it";
        // The tree changes the function's definition itself: that branch
        // would stop building, so the function is held back with it.
        for (const Followed &Fn : MustFollow)
          if (!Fn.Helper && Fn.Name == E.Name && Fn.Removed->Spec == &S) {
            F.Kind = FindingKind::NeedsAttention;
            F.Message += "; the tree defines " + E.Name + "() and would change it, so " +
                         E.Name + "() is held back (not changed anywhere) until then";
          }
        C.report(std::move(F));
      }
    });
    // A static helper that loses the spec's parameter in this build, named
    // in a branch it skips: that branch would still pass the argument.
    for (const Followed &Fn : MustFollow) {
      if (!Fn.Helper)
        continue;
      for (const RawTok &T : Tokens) {
        if (T.Kind != tok::raw_identifier || T.Text != Fn.Name)
          continue;
        const SpecEntry &E = *Fn.Removed->Entry;
        Finding F;
        F.Rule = SkippedCode::Rule;
        F.Api = Fn.Name;
        F.Migration = Fn.Removed->Spec->Id;
        F.Kind = FindingKind::NeedsAttention;
        F.Loc = SM.getComposedLoc(File, T.Begin);
        std::string What = E.ParameterName.empty()
                               ? "parameter " + std::to_string(E.Index + 1)
                               : "'" + E.ParameterName + "' parameter";
        F.Message = Fn.Name + "() would lose its " + What + " with " +
                    E.Name + "()'s (" + Fn.Removed->Spec->Id + ", Linux " +
                    formatKernelVersion(Fn.Removed->Spec->Kernel) +
                    "), but code this build skips (an inactive #if branch) names it: " +
                    Fn.Name + "() and what it needs are held back (not changed); "
                    "migrate that branch by hand, or run again with a configuration "
                    "that compiles it";
        C.report(std::move(F));
      }
    }
  }
  // The recorder keeps filling the same record (names and headers stay).
  Seen->Expansions.clear();
  Seen->Includes.clear();
  Seen->Bodies.clear();
  Seen->BodyLocs.clear();
  Seen->DefinedMacros.clear();
  Seen->IncludedPaths.clear();
  DecidedValues.clear();
  DecidedInits.clear();
}

} // namespace gup
