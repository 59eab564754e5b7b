//===- Rule.h - One rule: matcher + edit + diagnostic text ----------------===//
//
// Rules are entries of two ordered decision tables (RuleTable.cpp): one for
// call sites of the GUP family, one for its declarations. For each site the
// first rule that claims it decides: the most specific idiom first, the
// generic NULL drop next, the diagnose-only fallback last.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_RULE_H
#define GUP_MATCHERS_RULE_H

#include "Finding.h"
#include "GupApi.h"
#include "MigrationOptions.h"
#include "VmasArgument.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class LangOptions;
class SourceManager;
} // namespace clang

namespace gup {

/// What a user can look up: the name used in diagnostics, reports and docs
/// (docs/rules.md has one section per name), and the clang-tidy check that
/// carries it.
struct RuleInfo {
  llvm::StringRef Name;
  llvm::StringRef TidyCheck; ///< e.g. "gup-drop-null-vmas"
  llvm::StringRef Summary;
};

/// One call of a GUP-family function that still has its vmas parameter.
struct CallSite {
  const clang::CallExpr *Call;
  const clang::FunctionDecl *Callee;
  const GupFunction *Api;
  const clang::Expr *VmasArg;
  /// The function whose body holds the call (null at file scope).
  const clang::FunctionDecl *Caller;
  /// Why earlier rules declined the site, for the fallback's message.
  std::string *Declined = nullptr;
  /// What the vmas argument is (the classifier both passes share).
  VmasArgument Vmas = {};

  void decline(llvm::StringRef Why) const {
    if (Declined && Declined->empty())
      *Declined = Why.str();
  }
};

/// Everything a rule needs besides the site itself.
class FunctionFlow;

class RuleContext {
public:
  RuleContext(const MigrationOptions &Options, FindingSink &Sink,
              clang::ASTContext &Ctx);
  ~RuleContext();

  const MigrationOptions &Options;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;

  void report(Finding F) { Sink.report(std::move(F)); }

  /// The control flow of \p FD (built once per context), or null.
  FunctionFlow *flow(const clang::FunctionDecl *FD);

  /// Reports \p F with \p Edit, or, when the edit could not be placed at a
  /// single file location, a NeedsAttention finding that says why. Clang
  /// Transformer drops such edits silently; we never do.
  void reportEdit(Finding F, llvm::Expected<TextEdit> Edit,
                  llvm::StringRef WhatCouldNotBeDone);

private:
  FindingSink &Sink;
  const clang::FunctionDecl *FlowOf = nullptr;
  std::unique_ptr<FunctionFlow> Flow;
};

class CallSiteRule {
public:
  virtual ~CallSiteRule();
  virtual const RuleInfo &info() const = 0;
  /// Returns true when the rule claims the site (it reported on it).
  virtual bool apply(const CallSite &Site, RuleContext &Ctx) const = 0;
};

class DeclRule {
public:
  virtual ~DeclRule();
  virtual const RuleInfo &info() const = 0;
  virtual bool apply(const clang::FunctionDecl &FD, const GupFunction &Api,
                     RuleContext &Ctx) const = 0;
};

/// A use of a GUP-family function other than a direct call: its address is
/// taken (an ops table, a function pointer).
class RefRule {
public:
  virtual ~RefRule();
  virtual const RuleInfo &info() const = 0;
  virtual bool apply(const clang::DeclRefExpr &Ref, const GupFunction &Api,
                     RuleContext &Ctx) const = 0;
};

/// The edit that drops argument \p Index of \p Call, or why it cannot be made.
llvm::Expected<TextEdit> dropCallArgument(const clang::CallExpr &Call,
                                          unsigned Index,
                                          const clang::SourceManager &SM,
                                          const clang::LangOptions &LO);

/// The edit that drops parameter \p Index of \p FD, or why it cannot be made.
llvm::Expected<TextEdit> dropParameter(const clang::FunctionDecl &FD,
                                       unsigned Index,
                                       const clang::SourceManager &SM,
                                       const clang::LangOptions &LO);

/// True when \p Ref does not spell the function's parameter list anywhere
/// a migration would have to change: a call, `typeof(fn)`, or an address
/// cast to a data pointer or an integer (EXPORT_SYMBOL's bookkeeping).
bool typeFollowsFunction(const clang::DeclRefExpr &Ref, clang::ASTContext &Ctx);

/// True for NULL, 0, (void *)0 and casts of these.
bool isNullPointer(const clang::Expr &E, clang::ASTContext &Ctx);

} // namespace gup

#endif
