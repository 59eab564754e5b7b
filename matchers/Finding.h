//===- Finding.h - What a rule reports about one site ---------------------===//
//
// Rules do not touch files: each site they recognise becomes one Finding, an
// explained verdict plus the text edits that migrate it (if any). Front ends
// turn findings into diffs (the tool) or warnings with fix-its (clang-tidy).
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_FINDING_H
#define GUP_MATCHERS_FINDING_H

#include "SourceText.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace gup {

enum class FindingKind {
  /// The site is migrated by the attached edits.
  Rewrite,
  /// The site needs a human: no edit, and the API it uses cannot be migrated
  /// without breaking the build until someone looks (it blocks that API).
  NeedsAttention,
  /// Information only (e.g. a dangling-VMA read in the old code); never
  /// blocks anything and carries no edit.
  Report,
};

/// Which kernels an edit is right for, for out-of-tree code that must build
/// on both sides of 6.5 (--compat). Plain runs ignore it.
enum class ApiSide {
  /// Builds on every kernel (a module's own helper loses a parameter).
  Any,
  /// Uses the 6.5 API (a call of the family without its vmas argument).
  New,
  /// What the site is on kernels before 6.5 when its Any edits are made
  /// (NULL passed where a helper's own vmas parameter used to go).
  Old,
  /// Changes the family itself (prototypes, definitions, the new helper):
  /// a module consumes the API, so --compat leaves these alone.
  Definition,
};

struct Finding {
  llvm::StringRef Rule;   ///< rule name, e.g. "drop-null-vmas"
  std::string Api;        ///< GUP function whose migration this belongs to
  /// Id of the migration spec (MigrationSpec::Id) the site belongs to;
  /// empty for the GUP vmas migration. Guard tests, compat header sections
  /// and --series patches take the kernel version and title from it.
  std::string Migration;
  FindingKind Kind = FindingKind::Rewrite;
  clang::SourceLocation Loc; ///< where to point the user (may be a macro loc)
  std::string Message;
  llvm::SmallVector<TextEdit, 2> Edits;
  /// APIs that must be migrated for these edits to be right; if one is held
  /// back, so is this finding's API (the whole migration's plumbing).
  std::vector<std::string> Requires;
  /// When set, the edits apply only if that API is held back (a caller that
  /// loses its vmas parameter passes NULL to a callee that keeps its own).
  std::string OnlyIfBlocked;
  /// Edits for a patch series only: what the site becomes while its API
  /// still has the vmas parameter (the user stops relying on the array and
  /// passes NULL), so the user's change can be its own patch before the
  /// API's. Empty for most sites.
  llvm::SmallVector<TextEdit, 2> InterimEdits;
  ApiSide Side = ApiSide::Any;
  /// For a rewrite whose result a reviewer must confirm (it changes what
  /// the code does, e.g. a VMA that GUP filled is now looked up): what to
  /// confirm. Front ends show it as a note at the site when the edits are
  /// made; it never changes the exit status.
  std::string ReviewNote;
  /// For a call of the family that stays a call after the edits: where its
  /// callee's name is written (--compat=header renames it to the wrapper).
  clang::SourceLocation CalleeLoc;
};

class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(Finding F) = 0;
};

} // namespace gup

#endif
