//===- ParameterRemoved.cpp - removed-argument: a parameter went ----------===//
//
// The argument at the entry's index is dropped, by position, from calls of
// the function and invocations of the function-like macro (class_create()
// lost its owner in 6.4), when the argument is one the entry may drop
// (DropWhen: NULL; or anything without side effects). Other arguments, and
// lists that do not have the old arity, are named in a warning.
//
// When the tree declares the function itself, the whole-TU pass
// (WholeMigration) changes its prototypes, its definition and the helpers
// that feed the parameter, so the callers and the definition must change
// together: a site this rule cannot edit (an argument it may not drop, the
// function's address taken, a list of another arity) is NeedsAttention,
// which holds every edit of the function back. An argument that is the
// caller's own parameter of the removed type is the pass's (ownerOf()).
//
//===----------------------------------------------------------------------===//
#include "SpecRules.h"

#include "../../SourceText.h"
#include "../../VmasArgument.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <memory>

using namespace clang;

namespace gup {

const RuleInfo &removedArgumentRule() {
  static const RuleInfo Info{
      "removed-argument", "gup-removed-argument",
      "drop, by position, the argument of a parameter a kernel release removed "
      "from a function or function-like macro (a spec's parameter-removed "
      "entries other than GUP's vmas)"};
  return Info;
}

RuleInfo removedParameterRule(const MigrationSpec &Spec, RemovedParameterRole Role) {
  if (const RuleRole *R = Spec.role(Role))
    return {R->Name, R->Check, R->Summary};
  return removedArgumentRule();
}

bool isRemovedParameterRule(const MigrationSpec &Spec, llvm::StringRef Rule) {
  for (RemovedParameterRole Role :
       {RemovedParameterRole::ArgumentDropped, RemovedParameterRole::ArgumentKept,
        RemovedParameterRole::AddressTaken, RemovedParameterRole::Prototype,
        RemovedParameterRole::Definition, RemovedParameterRole::ForwardedArgument})
    if (removedParameterRule(Spec, Role).Name == Rule)
      return true;
  return false;
}

static std::string render(llvm::StringRef Template, const MigrationSpec &Spec,
                          const SpecEntry &Entry, llvm::StringRef Argument,
                          llvm::StringRef Reason) {
  return renderMessage(Template, {{"function", Entry.Name},
                                  {"parameter", Entry.ParameterName},
                                  {"kernel", formatKernelVersion(Spec.Kernel)},
                                  {"spec", Spec.Id},
                                  {"argument", Argument.str()},
                                  {"reason", Reason.str()}});
}

std::string roleMessage(const MigrationSpec &Spec, const SpecEntry &Entry,
                        RemovedParameterRole Role, llvm::StringRef Argument,
                        llvm::StringRef Reason) {
  const RuleRole *R = Spec.role(Role);
  if (!R)
    return "";
  llvm::StringRef Template =
      !Reason.empty() && !R->DeclinedMessage.empty() ? R->DeclinedMessage : R->Message;
  return Template.empty() ? "" : render(Template, Spec, Entry, Argument, Reason);
}

std::string roleFailedEdit(const MigrationSpec &Spec, const SpecEntry &Entry,
                           RemovedParameterRole Role) {
  const RuleRole *R = Spec.role(Role);
  return R && !R->FailedEdit.empty() ? render(R->FailedEdit, Spec, Entry, "", "") : "";
}

bool mayDropArgument(const Expr &Arg, const SpecEntry &Entry, ASTContext &Ctx) {
  return Entry.Drop == DropWhen::Null ? isNullPointer(Arg, Ctx) : !Arg.HasSideEffects(Ctx);
}

bool tokensHaveNoSideEffects(llvm::StringRef Text, const LangOptions &LO) {
  Lexer L(SourceLocation(), LO, Text.begin(), Text.begin(), Text.end());
  Token T;
  llvm::StringRef Previous;
  while (true) {
    bool Last = L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      return true;
    switch (T.getKind()) {
    case tok::equal: case tok::plusequal: case tok::minusequal:
    case tok::starequal: case tok::slashequal: case tok::percentequal:
    case tok::ampequal: case tok::pipeequal: case tok::caretequal:
    case tok::lesslessequal: case tok::greatergreaterequal:
    case tok::plusplus: case tok::minusminus:
      return false;
    case tok::l_paren:
      // A call (or a macro that may hide one); sizeof and friends are not.
      if (!Previous.empty() && Previous != "sizeof" && Previous != "typeof" &&
          Previous != "__typeof__" && Previous != "_Alignof" && Previous != "__alignof__")
        return false;
      break;
    default:
      break;
    }
    Previous = T.is(tok::raw_identifier) ? T.getRawIdentifier() : llvm::StringRef();
    if (Last)
      return true;
  }
}

namespace {

std::string changeText(const SpecUse &Use) {
  const SpecEntry &E = Use.Entry;
  return E.Name + "() has no " + (E.ParameterName.empty() ? "" : "'" + E.ParameterName + "' ") +
         "parameter (argument " + std::to_string(E.Index + 1) + ") from Linux " +
         formatKernelVersion(Use.Spec.Kernel) + " on (" + Use.Spec.Id + ")";
}

/// The site's argument as written ("" when it is not one file range).
std::string argumentText(const Expr &Arg, const SourceManager &SM, const LangOptions &LO) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Arg.getSourceRange()), SM, LO)
      .str();
}

std::string mayDropText(const SpecEntry &E) {
  return E.Drop == DropWhen::Null ? "is not NULL" : "may have side effects";
}

/// Where the tree declares the function of \p Use when it does (then its
/// whole-TU pass migrates the definition), or "": a macro entry, or a
/// function declared only outside the tree (a module's caller).
std::string definedWithCallers(const SpecUse &Use, const Decl *Declared,
                               SpecSiteContext &Ctx) {
  // With --compat the tree's own function is reported, not migrated
  // (SpecAnalysis runs no whole-TU pass then).
  if (Use.Entry.Macro || Ctx.Options.Compat != CompatMode::None)
    return "";
  if (Declared)
    return Ctx.declaredInTree(Declared);
  if (!Ctx.Ctx)
    return "";
  ASTContext &AST = *Ctx.Ctx;
  for (const NamedDecl *D : AST.getTranslationUnitDecl()->lookup(
           DeclarationName(&AST.Idents.get(Use.Entry.Name))))
    if (isa<FunctionDecl>(D))
      if (std::string Where = Ctx.declaredInTree(D); !Where.empty())
        return Where;
  return "";
}

/// The end of a message about a site that holds the function back.
std::string heldBack(const SpecUse &Use, llvm::StringRef Where) {
  return "; this tree defines " + Use.Entry.Name + "() itself (" + Where.str() +
         "), whose definition loses the parameter only with all of its callers, so "
         "nothing of " + Use.Entry.Name + "() is changed until this site is "
         "migrated by hand";
}

bool nullText(llvm::StringRef Text) {
  Text = Text.trim();
  while (Text.consume_front("(") && Text.consume_back(")"))
    Text = Text.trim();
  return Text == "NULL" || Text == "0";
}

/// The offset of the '(' that follows the token at \p Name, or nullopt.
std::optional<unsigned> openParenAfter(SourceLocation Name, const SourceManager &SM,
                                       const LangOptions &LO) {
  auto [File, Offset] = SM.getDecomposedLoc(Name);
  llvm::StringRef Text = SM.getBufferData(File);
  size_t I = Offset + Lexer::MeasureTokenLength(Name, SM, LO);
  while (I < Text.size()) {
    if (Text[I] == ' ' || Text[I] == '\t' || Text[I] == '\n' || Text[I] == '\r') {
      ++I;
    } else if (Text.substr(I).starts_with("\\\n")) {
      I += 2;
    } else if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        return std::nullopt;
      I = End + 2;
    } else {
      break;
    }
  }
  if (I < Text.size() && Text[I] == '(')
    return unsigned(I);
  return std::nullopt;
}

} // namespace

void dropArgumentOfCall(const CallExpr &Call, const SpecUse &Use, SpecSiteContext &Ctx) {
  const SpecEntry &E = Use.Entry;
  RuleInfo Dropped = removedParameterRule(Use.Spec, RemovedParameterRole::ArgumentDropped);
  RuleInfo Kept = removedParameterRule(Use.Spec, RemovedParameterRole::ArgumentKept);
  SourceLocation Name = Ctx.SM.getSpellingLoc(Call.getCallee()->getExprLoc());
  if (!Ctx.editable(Name) || Ctx.oldKernelsOnly(Name, Use.Spec))
    return;
  if (Call.getNumArgs() + 1 == E.Arity)
    return; // already the new form
  const FunctionDecl *Callee = Call.getDirectCallee();
  std::string Where = Callee ? definedWithCallers(Use, Callee, Ctx) : "";
  if (Where.empty() && Ctx.reportIfDefinedInTree(Kept, Use, Name,
                                                 changeText(Use), Callee))
    return;
  FindingKind IfNot = Where.empty() ? FindingKind::Report : FindingKind::NeedsAttention;
  std::string Held = Where.empty() ? "" : heldBack(Use, Where);
  if (!Where.empty() && !removesSpecParameter(*Callee, E)) {
    Ctx.report(Ctx.finding(Kept, Use, Name, FindingKind::NeedsAttention,
                           changeText(Use) + ", but the tree's " + E.Name +
                               "() does not have it as the spec describes it (" +
                               std::to_string(E.Arity) + " parameters" +
                               (E.ParameterType.empty() ? "" : ", '" + E.ParameterType +
                                                                   "' at that position") +
                               ")" + heldBack(Use, Where)));
    return;
  }
  if (Call.getNumArgs() != E.Arity || E.Index >= E.Arity) {
    Ctx.report(Ctx.finding(Kept, Use, Name, IfNot,
                           changeText(Use) + ", but this call passes " +
                               std::to_string(Call.getNumArgs()) + " arguments, not " +
                               std::to_string(E.Arity) +
                               (Held.empty() ? ": migrate it by hand" : Held)));
    return;
  }
  const Expr &Arg = *Call.getArg(E.Index);
  if (!Where.empty()) {
    // The caller's own parameter passed on: the whole-TU pass decides it
    // with the caller (which may lose the parameter too).
    VmasArgument A = classifyRemovedArgument(Arg, *Ctx.Ctx, [&](QualType T) {
      return isSpelledType(T, E.ParameterType);
    });
    if (ownerOf(A.Kind, /*PublicCallee=*/true) == VmasArgumentOwner::WholeMigration)
      return;
  }
  bool MayDrop = mayDropArgument(Arg, E, *Ctx.Ctx);
  std::string Written = argumentText(Arg, Ctx.SM, Ctx.LO);
  if (!MayDrop) {
    std::string Message =
        roleMessage(Use.Spec, E, RemovedParameterRole::ArgumentKept, Written);
    if (Message.empty())
      Message = changeText(Use) + ", but the argument passed here " + mayDropText(E) +
                (Held.empty() ? ": not changed; move what it does out of the call, then drop it"
                              : Held + ": move what the argument does out of the call, "
                                       "drop it, and run again");
    else
      Message += Held;
    Finding F = Ctx.finding(Kept, Use, Name, IfNot, std::move(Message));
    F.CalleeLoc = Name;
    Ctx.report(std::move(F));
    return;
  }
  std::string Message =
      roleMessage(Use.Spec, E, RemovedParameterRole::ArgumentDropped, Written);
  Finding F = Ctx.finding(Dropped, Use, Name, FindingKind::Rewrite,
                          Message.empty() ? changeText(Use) + ": argument dropped" : Message);
  F.CalleeLoc = Name;
  Ctx.reportEdit(std::move(F), dropCallArgument(Call, E.Index, Ctx.SM, Ctx.LO), IfNot);
}

void reportUncalledReference(const DeclRefExpr &Ref, SourceLocation Loc,
                             const SpecUse &Use, SpecSiteContext &Ctx) {
  if (!Ctx.editable(Loc) || Ctx.oldKernelsOnly(Loc, Use.Spec))
    return;
  RuleInfo Taken = removedParameterRule(Use.Spec, RemovedParameterRole::AddressTaken);
  std::string Message = roleMessage(Use.Spec, Use.Entry, RemovedParameterRole::AddressTaken);
  if (std::string Where = definedWithCallers(Use, Ref.getDecl(), Ctx); !Where.empty()) {
    // typeof(fn) and EXPORT_SYMBOL's bookkeeping follow the definition.
    if (typeFollowsFunction(Ref, *Ctx.Ctx))
      return;
    if (Message.empty())
      Message = changeText(Use) + ", but here " + Use.Entry.Name +
                " is used as a value (a function pointer), so what calls "
                "through it still passes the argument" +
                heldBack(Use, Where) + ": change the pointer's type and the calls through it";
    else
      Message += heldBack(Use, Where);
    Ctx.report(Ctx.finding(Taken, Use, Loc, FindingKind::NeedsAttention, std::move(Message)));
    return;
  }
  // The tree's own function (with --compat, which leaves it alone):
  // typeof(fn) and EXPORT_SYMBOL's bookkeeping follow its definition.
  if (!Ctx.declaredInTree(Ref.getDecl()).empty() && typeFollowsFunction(Ref, *Ctx.Ctx))
    return;
  if (Ctx.reportIfDefinedInTree(Taken, Use, Loc, changeText(Use), Ref.getDecl()))
    return;
  if (Message.empty())
    Message = changeText(Use) + ", but here " + Use.Entry.Name +
              " is used as a value, not called: whatever calls "
              "through it must drop that argument; migrate it by hand";
  Ctx.report(Ctx.finding(Taken, Use, Loc, FindingKind::Report, std::move(Message)));
}

void dropArgumentOfTokens(const TokenSite &Site, const SpecUse &Use, SpecSiteContext &Ctx) {
  const SpecEntry &E = Use.Entry;
  RuleInfo Kept = removedParameterRule(Use.Spec, RemovedParameterRole::ArgumentKept);
  if (!Ctx.editable(Site.Name) || Ctx.oldKernelsOnly(Site.Name, Use.Spec))
    return;
  std::string Defined = definedWithCallers(Use, nullptr, Ctx);
  if (Defined.empty() &&
      Ctx.reportIfDefinedInTree(Kept, Use, Site.Name, changeText(Use)))
    return;
  FindingKind IfNot = Defined.empty() ? FindingKind::Report : FindingKind::NeedsAttention;
  std::string Where = Site.InDefine ? " (in the #define of " + Site.Define + ")" : "";
  auto Warn = [&](std::string Why) {
    Ctx.report(Ctx.finding(Kept, Use, Site.Name, IfNot,
                           changeText(Use) + Where + ", but " + Why +
                               (Defined.empty() ? "" : heldBack(Use, Defined))));
  };
  std::optional<unsigned> LParen = openParenAfter(Site.Name, Ctx.SM, Ctx.LO);
  if (!LParen) {
    Warn("it is named here without an argument list: migrate this use by hand");
    return;
  }
  FileID File = Ctx.SM.getFileID(Site.Name);
  llvm::Expected<ListSpelling> List = spellListAt(File, *LParen, Ctx.SM, Ctx.LO);
  if (!List) {
    Warn("its argument list cannot be read (" + llvm::toString(List.takeError()) +
         "): migrate it by hand");
    return;
  }
  if (List->Items.size() + 1 == E.Arity)
    return; // already the new form
  if (List->Items.size() != E.Arity || E.Index >= E.Arity) {
    Warn("this use passes " + std::to_string(List->Items.size()) + " arguments, not " +
         std::to_string(E.Arity) + ": migrate it by hand");
    return;
  }
  llvm::StringRef Arg = itemText(*List, E.Index, Ctx.SM).trim();
  if (Site.InDefine && llvm::is_contained(Site.DefineParameters, Arg.str())) {
    Warn("the argument is the macro's parameter '" + Arg.str() +
         "', whose value is at each use of " + Site.Define +
         ": drop the parameter from the macro and its uses by hand");
    return;
  }
  bool MayDrop = E.Drop == DropWhen::Null ? nullText(Arg)
                                          : tokensHaveNoSideEffects(Arg, Ctx.LO);
  if (!MayDrop) {
    std::string Message =
        roleMessage(Use.Spec, E, RemovedParameterRole::ArgumentKept, Arg);
    if (Message.empty()) {
      Warn("the argument '" + Arg.str() + "' " + mayDropText(E) +
           ": not changed; move what it does out of the call, then drop it");
      return;
    }
    Ctx.report(Ctx.finding(Kept, Use, Site.Name, IfNot,
                           Message + Where + (Defined.empty() ? "" : heldBack(Use, Defined))));
    return;
  }
  std::string Message =
      roleMessage(Use.Spec, E, RemovedParameterRole::ArgumentDropped, Arg);
  Finding F = Ctx.finding(
      removedParameterRule(Use.Spec, RemovedParameterRole::ArgumentDropped), Use,
      Site.Name, FindingKind::Rewrite,
      Message.empty() ? changeText(Use) + Where + ": argument '" + Arg.str() + "' dropped"
                      : Message + Where);
  F.CalleeLoc = Site.Name;
  Ctx.reportEdit(std::move(F), removeItem(*List, E.Index, Ctx.SM), IfNot);
}

//===----------------------------------------------------------------------===//
// The same rule as entries of a spec's decision tables (RuleTable.h): the
// GUP spec's sites meet its idiom rules first, and what none of them claims
// comes here. Table sites are calls whose callee still has the parameter at
// the entry's index (so the arity is right), in code the run edits, owned
// by the call-site rules (ownerOf()); their findings are the GUP
// migration's (Finding::Migration empty).
//===----------------------------------------------------------------------===//

namespace {

/// One part of the rule as an entry of a decision table (\p Base): the
/// spec's name for the part, and its findings.
template <typename Base, RemovedParameterRole ThePart> class TablePart : public Base {
public:
  explicit TablePart(const MigrationSpec &Spec)
      : Spec(Spec), Info(removedParameterRule(Spec, ThePart)) {}
  const RuleInfo &info() const override { return Info; }

protected:
  static constexpr RemovedParameterRole Part = ThePart;

  Finding finding(llvm::StringRef Api, SourceLocation Loc, FindingKind Kind) const {
    Finding F;
    F.Rule = Info.Name;
    F.Api = Api.str();
    F.Kind = Kind;
    F.Loc = Loc;
    return F;
  }
  /// The spec's words for the part, or \p Generic.
  std::string message(const SpecEntry &E, std::string Generic,
                      llvm::StringRef Argument = "", llvm::StringRef Reason = "") const {
    std::string Words = roleMessage(Spec, E, Part, Argument, Reason);
    return Words.empty() ? Generic : Words;
  }
  std::string failedEdit(const SpecEntry &E, std::string Generic) const {
    std::string Words = roleFailedEdit(Spec, E, Part);
    return Words.empty() ? Generic : Words;
  }

  const MigrationSpec &Spec;
  RuleInfo Info;
};

class ArgumentDroppedRule
    : public TablePart<CallSiteRule, RemovedParameterRole::ArgumentDropped> {
public:
  using TablePart::TablePart;

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    const SpecEntry &E = *Site.Api->Entry;
    if (!mayDropArgument(*Site.VmasArg, E, Ctx.Ctx))
      return false;
    Finding F = finding(Site.Api->Name, Site.VmasArg->getBeginLoc(), FindingKind::Rewrite);
    F.Message = message(E, changeText({Spec, E}) + ": argument dropped",
                        argumentText(*Site.VmasArg, Ctx.SM, Ctx.LangOpts));
    Ctx.reportEdit(std::move(F),
                   dropCallArgument(*Site.Call, E.Index, Ctx.SM, Ctx.LangOpts),
                   failedEdit(E, "drop the argument of " + E.Name + "()"));
    return true;
  }
};

/// The last entry of the call-site table: an argument that neither an idiom
/// rule nor the drop claimed. It is reported, never edited, and it holds
/// its API back (the edit would break the build).
class ArgumentKeptRule
    : public TablePart<CallSiteRule, RemovedParameterRole::ArgumentKept> {
public:
  using TablePart::TablePart;

  bool apply(const CallSite &Site, RuleContext &Ctx) const override {
    const SpecEntry &E = *Site.Api->Entry;
    Finding F = finding(Site.Api->Name, Site.VmasArg->getBeginLoc(),
                        FindingKind::NeedsAttention);
    llvm::StringRef Reason = Site.Declined ? llvm::StringRef(*Site.Declined) : "";
    F.Message = message(E,
                        changeText({Spec, E}) + ", but the argument passed here " +
                            mayDropText(E) +
                            (Reason.empty() ? "" : " (" + Reason.str() + ")") +
                            ": not changed; migrate it by hand",
                        argumentText(*Site.VmasArg, Ctx.SM, Ctx.LangOpts), Reason);
    Ctx.report(std::move(F));
    return true;
  }
};

/// A function pointer to the API spells the old parameter list in its own
/// type, somewhere we cannot safely guess (a typedef, an ops struct).
/// Dropping the parameter would break that assignment, so the site is
/// reported and the API is held back until a human has changed the type.
class AddressTakenRule : public TablePart<RefRule, RemovedParameterRole::AddressTaken> {
public:
  using TablePart::TablePart;

  bool apply(const DeclRefExpr &Ref, const GupFunction &Api,
             RuleContext &Ctx) const override {
    const SpecEntry &E = *Api.Entry;
    Finding F = finding(Api.Name, Ref.getLocation(), FindingKind::NeedsAttention);
    F.Message = message(E, changeText({Spec, E}) + ", but here " + E.Name +
                               " is used as a value (a function pointer): change the "
                               "pointer's type and the calls through it by hand");
    Ctx.report(std::move(F));
    return true;
  }
};

/// Prototypes of a public function (named or unnamed parameters, in headers
/// or .c files) change in the same run as the calls, so a tree whose
/// headers are rewritten compiles. Bodies change with their callers and
/// the plumbing that feeds them (WholeMigration).
class PrototypeRule : public TablePart<DeclRule, RemovedParameterRole::Prototype> {
public:
  using TablePart::TablePart;

  bool apply(const FunctionDecl &FD, const GupFunction &Api,
             RuleContext &Ctx) const override {
    const SpecEntry &E = *Api.Entry;
    if (FD.doesThisDeclarationHaveABody() || !E.Public)
      return false;
    // `extern typeof(fn) fn;` (EXPORT_SYMBOL) writes no parameter list: its
    // type follows the function's.
    if (!FD.getFunctionTypeLoc())
      return true;
    const ParmVarDecl *Param = FD.getParamDecl(E.Index);
    Finding F = finding(Api.Name,
                        Param->getBeginLoc().isValid() ? Param->getBeginLoc()
                                                       : FD.getLocation(),
                        FindingKind::Rewrite);
    F.Message = message(E, changeText({Spec, E}) + ": parameter removed from this declaration");
    Ctx.reportEdit(std::move(F), dropParameter(FD, E.Index, Ctx.SM, Ctx.LangOpts),
                   failedEdit(E, "remove the parameter of " + E.Name + "()"));
    return true;
  }
};

} // namespace

std::unique_ptr<CallSiteRule> makeArgumentDroppedRule(const MigrationSpec &Spec) {
  return std::make_unique<ArgumentDroppedRule>(Spec);
}
std::unique_ptr<CallSiteRule> makeArgumentKeptRule(const MigrationSpec &Spec) {
  return std::make_unique<ArgumentKeptRule>(Spec);
}
std::unique_ptr<RefRule> makeAddressTakenRule(const MigrationSpec &Spec) {
  return std::make_unique<AddressTakenRule>(Spec);
}
std::unique_ptr<DeclRule> makePrototypeRule(const MigrationSpec &Spec) {
  return std::make_unique<PrototypeRule>(Spec);
}

} // namespace gup
