//===- NeededBodies.cpp - Which function bodies the analysis can need -----===//
#include "NeededBodies.h"

#include "GupApi.h"
#include "VmasArgument.h"

#include "clang/AST/Decl.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace gup {

namespace {
bool hasVmasArrayParameter(const FunctionDecl &FD) {
  for (const ParmVarDecl *P : FD.parameters())
    if (isVmasArrayType(P->getType()))
      return true;
  return false;
}
} // namespace

NeededBodies::NeededBodies(Preprocessor &PP) : PP(PP) {
  for (const GupFunction &F : gupFamily())
    Names.insert(PP.getIdentifierInfo(F.Name));
}

NeededBodies::NeededBodies(Preprocessor &PP, llvm::ArrayRef<std::string> SiteNames)
    : NeededBodies(PP) {
  for (const std::string &Name : SiteNames) {
    Names.insert(PP.getIdentifierInfo(Name));
    this->SiteNames.insert(PP.getIdentifierInfo(Name));
  }
}

NeededBodies::NeededBodies(Preprocessor &PP, llvm::ArrayRef<std::string> SiteNames,
                           llvm::ArrayRef<std::string> RemovedTypes)
    : NeededBodies(PP, SiteNames) {
  this->RemovedTypes.assign(RemovedTypes.begin(), RemovedTypes.end());
  KeepSiteDefinitions = true;
}

bool NeededBodies::hasRemovedParameter(const FunctionDecl &FD) const {
  if (hasVmasArrayParameter(FD))
    return true;
  if (RemovedTypes.empty())
    return false;
  for (const ParmVarDecl *P : FD.parameters())
    for (const std::string &Type : RemovedTypes)
      if (isSpelledType(P->getType(), Type))
        return true;
  return false;
}

void NeededBodies::noteDeclarations(DeclGroupRef Group) {
  for (const Decl *D : Group)
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getIdentifier() && hasRemovedParameter(*FD))
        Names.insert(FD->getIdentifier());
}

bool NeededBodies::bodyIsNeeded(const Decl &D) {
  bool Needed = decide(D);
  ++(Needed ? Kept : Skipped);
  return Needed;
}

bool NeededBodies::decide(const Decl &D) {
  const FunctionDecl *FD = D.getAsFunction();
  if (!FD)
    return true;
  if (FD->getIdentifier() && findGupFunction(FD->getName()))
    return true;
  // The tree's own definition of a spec's function.
  if (KeepSiteDefinitions && FD->getIdentifier() && SiteNames.count(FD->getIdentifier()))
    return true;
  if (hasRemovedParameter(*FD)) {
    // A recursive call is a call of a wrapper too.
    if (FD->getIdentifier())
      Names.insert(FD->getIdentifier());
    return true;
  }
  // The parser stands on the body's `{`: read on to its matching `}`. The
  // tokens come after macro expansion and #if, exactly as the parser will
  // see them.
  unsigned Depth = 1;
  const SourceManager &SM = PP.getSourceManager();
  SourceLocation LastExpansion;
  for (unsigned Ahead = 0;; ++Ahead) {
    const Token &T = PP.LookAhead(Ahead);
    if (!SiteNames.empty() && T.getLocation().isMacroID()) {
      // The macro the body writes (the outermost one), once per expansion.
      SourceLocation Written = SM.getExpansionRange(T.getLocation()).getBegin();
      Token Name;
      if (Written != LastExpansion &&
          !Lexer::getRawToken(Written, Name, SM, PP.getLangOpts()) &&
          Name.is(tok::raw_identifier) &&
          SiteNames.count(PP.getIdentifierInfo(Name.getRawIdentifier())))
        return true;
      LastExpansion = Written;
    }
    switch (T.getKind()) {
    case tok::eof:
      return true; // no end in sight: parse it, to be safe
    case tok::l_brace:
      ++Depth;
      break;
    case tok::r_brace:
      if (--Depth == 0)
        return false;
      break;
    case tok::identifier:
      if (Names.count(T.getIdentifierInfo()))
        return true;
      break;
    default:
      break;
    }
  }
}

} // namespace gup
