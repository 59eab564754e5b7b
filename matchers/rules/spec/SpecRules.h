//===- SpecRules.h - The generic rules of the migration spec kinds --------===//
//
// One rule per kind of MigrationSpec.h's entries. For every selected spec
// but the GUP vmas migration the rules are fed by SpecAnalysis
// (matchers/SpecAnalysis.h) from two sources:
//  - the AST: calls of and references to functions, designated initialisers;
//  - the preprocessor: macro invocations, #include lines, and the tokens of
//    the #define bodies of the tree's own macros (a body is edited in the
//    #define, once, or reported; it is never left silently).
// Where a site is written, what the run may edit and which version tests
// already decide it are answered by SpecSiteContext. The GUP spec's sites
// meet its idiom rules first (RuleTable.cpp), and what those leave comes to
// the same parameter-removed code through the table parts below
// (makeArgumentDroppedRule(), ...), under the names the spec gives them.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_RULES_SPEC_SPECRULES_H
#define GUP_MATCHERS_RULES_SPEC_SPECRULES_H

#include "../../Finding.h"
#include "../../MigrationOptions.h"
#include "../../MigrationSpec.h"
#include "../../Rule.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class DeclRefExpr;
class DesignatedInitExpr;
class Expr;
class LangOptions;
class SourceManager;
} // namespace clang

namespace gup {

class VersionGuards;

/// LINUX_VERSION_CODE of a kernel version (6.12 -> 0x060c00).
unsigned versionCode(KernelVersion V);

/// One entry of one spec.
struct SpecUse {
  const MigrationSpec &Spec;
  const SpecEntry &Entry;
};

/// What the rules of the spec kinds need besides the site.
class SpecSiteContext {
public:
  SpecSiteContext(const MigrationOptions &Options, FindingSink &Sink,
                  const clang::SourceManager &SM, const clang::LangOptions &LO,
                  clang::ASTContext *Ctx, const VersionGuards *Versions)
      : Options(Options), SM(SM), LO(LO), Ctx(Ctx), Sink(Sink), Versions(Versions) {}

  const MigrationOptions &Options;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  clang::ASTContext *Ctx; ///< null for preprocessor-only sites

  /// True when the run may change the file holding \p Loc (a file location):
  /// inside MigrationOptions::TreeRoot, or, when that is empty, inside the
  /// directory of the main file; never a system header.
  bool editable(clang::SourceLocation Loc) const;
  /// The same for a file by its path.
  bool editablePath(llvm::StringRef Path) const;

  /// True when version tests around \p Loc (a file location) compile it
  /// only for kernels before \p Spec's: written for them, right as it is.
  bool oldKernelsOnly(clang::SourceLocation Loc, const MigrationSpec &Spec) const;

  /// Where the tree itself declares or defines the API of \p Use (a
  /// function, a macro, the header), as "file:line", or "". Set by
  /// SpecAnalysis before the rules run.
  std::function<std::string(const SpecEntry &)> DefinedInTree;

  /// A finding of \p Rule about \p Use at \p Loc.
  Finding finding(const RuleInfo &Rule, const SpecUse &Use,
                  clang::SourceLocation Loc, FindingKind Kind,
                  std::string Message) const;
  void report(Finding F) { Sink.report(std::move(F)); }
  /// Reports \p F with \p Edit, or a warning (a Report: the other sites of
  /// a spec do not depend on this one) saying why the
  /// edit could not be made.
  void reportEdit(Finding F, llvm::Expected<TextEdit> Edit,
                  FindingKind IfNot = FindingKind::Report);

  /// Where the tree declares \p Declared (some declaration of it inside
  /// the tree), as "file:line", or "".
  std::string declaredInTree(const clang::Decl *Declared) const;

  /// When the API of \p Use is the tree's own: reports the site (naming the
  /// definition, editing nothing) and returns true.
  /// \p Declared: the declaration the site refers to, when it has one.
  bool reportIfDefinedInTree(const RuleInfo &Rule, const SpecUse &Use,
                             clang::SourceLocation Loc, llvm::StringRef What,
                             const clang::Decl *Declared = nullptr);

private:
  FindingSink &Sink;
  const VersionGuards *Versions;
};

/// Why an edit of a spec rule cannot be made (for reportEdit()).
llvm::Error cannotEdit(llvm::StringRef Why);

/// A use of an entry's name found as tokens (no AST): a macro invocation,
/// or the name in the #define body of one of the tree's macros.
struct TokenSite {
  clang::SourceLocation Name; ///< file location of the name token
  bool InDefine = false;      ///< inside a #define body
  std::string Define;         ///< that macro's name
  std::vector<std::string> DefineParameters; ///< and its parameters
};

// renamed-api (Renamed.cpp)
const RuleInfo &renamedApiRule();
/// A function reference (a call's callee or its address) at a file location.
void renameReference(const clang::DeclRefExpr &Ref, const SpecUse &Use,
                     SpecSiteContext &Ctx);
void renameTokens(const TokenSite &Site, const SpecUse &Use, SpecSiteContext &Ctx);
/// The call whose callee \p Ref is (through parentheses and implicit
/// casts), or null: a reference used as a value.
const clang::CallExpr *calleeOf(const clang::DeclRefExpr &Ref, clang::ASTContext &Ctx);

// removed-argument (ParameterRemoved.cpp)
const RuleInfo &removedArgumentRule();
/// The rule that reports \p Role of \p Spec's parameter-removed entries:
/// the spec's own name for that part ("rules", RuleRole), or
/// removed-argument. Its strings live as long as the spec.
RuleInfo removedParameterRule(const MigrationSpec &Spec, RemovedParameterRole Role);
/// True when \p Rule names a part of \p Spec's parameter-removed rule.
bool isRemovedParameterRule(const MigrationSpec &Spec, llvm::StringRef Rule);
/// The spec's diagnostic for \p Role at a site of \p Entry, or "" when it
/// keeps the generic wording. \p Argument: the argument as written;
/// \p Reason: why an idiom rule declined the site (ArgumentKept).
std::string roleMessage(const MigrationSpec &Spec, const SpecEntry &Entry,
                        RemovedParameterRole Role, llvm::StringRef Argument = "",
                        llvm::StringRef Reason = "");
/// The same for RuleRole::FailedEdit (what could not be done).
std::string roleFailedEdit(const MigrationSpec &Spec, const SpecEntry &Entry,
                           RemovedParameterRole Role);
/// True when \p Arg, passed for \p Entry's removed parameter, may be
/// dropped (SpecEntry::Drop).
bool mayDropArgument(const clang::Expr &Arg, const SpecEntry &Entry,
                     clang::ASTContext &Ctx);

/// The rule's parts as entries of the decision tables (RuleTable.h) of a
/// spec with idiom rules (GUP's), which run on a site first: the argument
/// dropped, the fallback that reports an argument nothing could drop, the
/// address taken, and the prototypes of the spec's public functions.
std::unique_ptr<CallSiteRule> makeArgumentDroppedRule(const MigrationSpec &Spec);
std::unique_ptr<CallSiteRule> makeArgumentKeptRule(const MigrationSpec &Spec);
std::unique_ptr<RefRule> makeAddressTakenRule(const MigrationSpec &Spec);
std::unique_ptr<DeclRule> makePrototypeRule(const MigrationSpec &Spec);
void dropArgumentOfCall(const clang::CallExpr &Call, const SpecUse &Use,
                        SpecSiteContext &Ctx);
void dropArgumentOfTokens(const TokenSite &Site, const SpecUse &Use,
                          SpecSiteContext &Ctx);
/// The function is named without being called (its address is taken).
void reportUncalledReference(const clang::DeclRefExpr &Ref, clang::SourceLocation Loc,
                             const SpecUse &Use, SpecSiteContext &Ctx);
/// True when the raw tokens of \p Text (an argument as written) cannot have
/// side effects: no call, no assignment, no ++ or --.
bool tokensHaveNoSideEffects(llvm::StringRef Text, const clang::LangOptions &LO);

// moved-header (HeaderMoved.cpp)
const RuleInfo &movedHeaderRule();
/// An `#include` line naming the entry's old header.
void moveInclude(clang::SourceLocation Hash, clang::CharSourceRange FileName,
                 bool Angled, const SpecUse &Use, SpecSiteContext &Ctx);

// removed-initializer (InitializerRemoved.cpp)
const RuleInfo &removedInitializerRule();
void removeInitializer(const clang::DesignatedInitExpr &Init, const SpecUse &Use,
                       SpecSiteContext &Ctx);

// removed-api (Removed.cpp)
const RuleInfo &removedApiRule();
void reportRemovedUse(clang::SourceLocation Loc, const SpecUse &Use,
                      SpecSiteContext &Ctx);

/// The rules above, for --list-rules, --disable-rule and clang-tidy.
llvm::ArrayRef<const RuleInfo *> specRuleInfos();

} // namespace gup

#endif
