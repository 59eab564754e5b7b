//===- NeededBodies.h - Which function bodies the analysis can need -------===//
//
// Most of a kernel TU is the bodies of header inlines that can never hold a
// site. A front end that owns its parser (the tool) lets clang skip them
// (FrontendOptions::SkipFunctionBodies): before each body is parsed, the
// consumer asks bodyIsNeeded(), which reads the body's tokens ahead of the
// parser, after macro expansion, and keeps the body when
//   - the function is one of the family, or has a `struct vm_area_struct **`
//     parameter (the whole migration plans the uses of that parameter); or
//   - a token of the body names a function of the family, or a function
//     declared so far with such a parameter (a wrapper: the whole migration
//     needs every call of it to decide whether it loses the parameter).
// Since the tokens are those after macro expansion, a macro that expands to
// a family name (or pastes one together) keeps the body as well. Every rule
// reads only the body of the function holding a site (the call-site rules,
// the CFG questions of vma-after-unlock, the single-VMA rewrites) or of a
// function with such a parameter (dead-parameter elimination), so the
// skipped bodies are ones no rule looks at.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_NEEDEDBODIES_H
#define GUP_MATCHERS_NEEDEDBODIES_H

#include "clang/AST/DeclGroup.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
class IdentifierInfo;
class Preprocessor;
} // namespace clang

namespace gup {

class NeededBodies {
public:
  explicit NeededBodies(clang::Preprocessor &PP);
  /// Also keeps the bodies that name one of \p SiteNames (the names of the
  /// selected specs other than GUP's: MigrationAnalysis::siteNames()).
  NeededBodies(clang::Preprocessor &PP, llvm::ArrayRef<std::string> SiteNames);
  /// Also keeps the bodies of those functions themselves, and of functions
  /// with a parameter of one of \p RemovedTypes (a spec's removed parameter
  /// of a function the tree may define: its whole-TU pass plans the uses).
  NeededBodies(clang::Preprocessor &PP, llvm::ArrayRef<std::string> SiteNames,
               llvm::ArrayRef<std::string> RemovedTypes);

  /// Learns the wrappers among the declarations the parser just finished
  /// (the front end calls it from ASTConsumer::HandleTopLevelDecl).
  void noteDeclarations(clang::DeclGroupRef Group);

  /// Whether the body of \p D, whose `{` the parser is at, can matter to
  /// the analysis (from ASTConsumer::shouldSkipFunctionBody). It looks the
  /// body's tokens up through the preprocessor; the parser then reads them
  /// from its cache, whatever the answer.
  bool bodyIsNeeded(const clang::Decl &D);

  unsigned kept() const { return Kept; }
  unsigned skipped() const { return Skipped; }

private:
  clang::Preprocessor &PP;
  /// The family and the wrappers declared so far.
  llvm::DenseSet<const clang::IdentifierInfo *> Names;
  /// The names of the other specs: a body that invokes one of them as a
  /// macro (class_create()) shows only its expansion, so the names of the
  /// macros written in the body are looked at too.
  llvm::DenseSet<const clang::IdentifierInfo *> SiteNames;
  std::vector<std::string> RemovedTypes;
  bool KeepSiteDefinitions = false;

  /// A parameter of the vmas type or of one of RemovedTypes.
  bool hasRemovedParameter(const clang::FunctionDecl &FD) const;
  unsigned Kept = 0;
  unsigned Skipped = 0;

  bool decide(const clang::Decl &D);
};

} // namespace gup

#endif
