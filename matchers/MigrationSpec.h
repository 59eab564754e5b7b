//===- MigrationSpec.h - A kernel API migration as data -------------------===//
//
// Each migration is a JSON file under migrations/ (read with llvm::json's
// ObjectMapper). JSON rather than an LLVM-style .def: a maintainer can write
// one for their own module and pass it with --migration=PATH, without
// rebuilding the tool, and the loader reports a broken spec with the JSON
// path of the bad field (llvm::json::Path). The specs shipped in migrations/
// are also compiled into the tool and the clang-tidy plugin (the build turns
// each file into a string), so an installed binary needs no data directory
// and both front ends read the same bytes.
//
// A spec says what changed, in which kernel, and per entry of what kind.
// Generic rules (matchers/rules/spec/) act on the kinds; the GUP migration's
// idiom rules (single-VMA helper, vmas arrays, vma-after-unlock, ...) stay
// C++ and are attached to their spec by name ("idiomRules").
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_MIGRATIONSPEC_H
#define GUP_MATCHERS_MIGRATIONSPEC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gup {

/// A kernel version as major * 100 + minor (6.5 -> 605), as MigrationOptions'
/// TargetKernel. Written "X.Y" in specs and on the command line.
using KernelVersion = unsigned;

/// "6.12" -> 612; nullopt for anything else.
std::optional<KernelVersion> parseKernelVersion(llvm::StringRef Text);
/// 612 -> "6.12".
std::string formatKernelVersion(KernelVersion V);
/// 612 -> "KERNEL_VERSION(6, 12, 0)" (as --compat output writes it).
std::string kernelVersionMacro(KernelVersion V);

enum class SpecEntryKind {
  /// A parameter went: calls drop the argument at Index, prototypes and
  /// definitions the parameter (function or function-like macro).
  ParameterRemoved,
  /// A function or macro got a new name (calls and references renamed).
  Renamed,
  /// A header moved: `#include <From>` becomes `#include <To>`.
  HeaderMoved,
  /// A designated initialiser `.Field = Value` of struct Record must go.
  InitializerRemoved,
  /// The symbol is gone with no mechanical replacement: every use is
  /// reported, nothing is edited.
  Removed,
};

/// When the argument of a removed parameter may be dropped by the generic
/// rule; other sites are left to the spec's idiom rules or reported.
enum class DropWhen {
  /// NULL, 0 or a cast of these (the GUP vmas argument).
  Null,
  /// Any argument whose evaluation has no side effects (class_create's
  /// owner: the value no longer matters).
  NoSideEffects,
};

/// What to do with a renamed call whose value is used.
enum class UsedResult {
  /// Same meaning: rename it (pmd_large() -> pmd_leaf()).
  Rename,
  /// Different meaning: report the site, never guess (strlcpy() returns
  /// the source length, strscpy() -E2BIG).
  Report,
};

struct SpecEntry {
  SpecEntryKind Kind;
  /// Function or macro (ParameterRemoved, Renamed, Removed), header path
  /// (HeaderMoved), record name (InitializerRemoved).
  std::string Name;

  // ParameterRemoved.
  unsigned Index = 0;            ///< 0-based, before the change
  unsigned Arity = 0;            ///< parameter count before the change
  std::string ParameterType;     ///< e.g. "struct vm_area_struct **"
  std::string ParameterName;     ///< e.g. "vmas"
  DropWhen Drop = DropWhen::Null;
  /// What old kernels need at Index when a compat wrapper is written for a
  /// migrated call (GUP: "NULL"; class_create: "THIS_MODULE").
  std::string OldArgument;
  /// Exported API (called by modules) rather than internals migrated only
  /// together with their definitions (GUP's mm/ functions).
  bool Public = true;
  /// Function-like macro before the change (class_create before 6.4).
  bool Macro = false;
  /// Prototype before the change, for --compat=header wrappers of
  /// functions: return type and parameter list ("" when not needed).
  std::string ReturnType;
  std::string Parameters;
  /// The header that declares the function ("linux/widget.h"): the compat
  /// header includes it before the wrapper, which every file including
  /// the compat header compiles ("" when not needed).
  std::string Header;
  /// Macros: the parameter names before the change.
  std::vector<std::string> MacroParameters;

  // Renamed: Name -> NewName; HeaderMoved: Name -> NewName.
  std::string NewName;
  /// First kernel that has NewName already (strscpy() exists since 4.3):
  /// --compat=header needs to provide it only for older kernels.
  KernelVersion NewNameSince = 0;
  UsedResult WhenResultUsed = UsedResult::Rename;

  // InitializerRemoved: `.Field = Value` in an initialiser of struct Name.
  std::string Field;
  std::string Value;

  /// Optional: the diagnostic for a site that is reported rather than
  /// edited (kind Removed, a used strlcpy() result); says what to do.
  std::string ReportMessage;
};

/// The parts of the generic parameter-removed rule
/// (matchers/rules/spec/ParameterRemoved.cpp). Each reports under one rule
/// name, removed-argument unless the spec names the part itself ("rules").
enum class RemovedParameterRole {
  ArgumentDropped,   ///< a call's argument dropped (the API's callers)
  ArgumentKept,      ///< a call's argument that may not be dropped, reported
  AddressTaken,      ///< the function used as a value, reported
  Prototype,         ///< a prototype loses the parameter
  Definition,        ///< the tree's definition or a static helper loses it
  ForwardedArgument, ///< a call passing on a parameter that goes with its caller
};

/// How a spec names one part of the parameter-removed rule and, optionally,
/// words its diagnostic. The GUP spec keeps the names its rules always had
/// (drop-null-vmas, unrecognised-vmas, ...), which clang-tidy configurations
/// and tests name. A message is a template: {function}, {parameter},
/// {kernel}, {spec}, {argument} (the argument as written) and {reason} (why
/// an idiom rule declined the site) are replaced; a part between [[ and ]]
/// is left out when a placeholder in it is empty.
struct RuleRole {
  RemovedParameterRole Role;
  std::string Name;    ///< the rule name findings carry
  std::string Check;   ///< the clang-tidy check ("gup-" + Name when not given)
  std::string Summary; ///< one line, for --list-rules and docs
  /// The diagnostic ("" keeps the generic wording).
  std::string Message;
  /// ArgumentKept: the diagnostic when an idiom rule declined the site.
  std::string DeclinedMessage;
  /// What could not be done when the edit cannot be placed.
  std::string FailedEdit;
};

/// \p Template with its placeholders replaced by \p Values ({name} ->
/// Values[name]; see RuleRole). Placeholders must be known (the loader
/// checks).
std::string renderMessage(llvm::StringRef Template,
                          llvm::ArrayRef<std::pair<llvm::StringRef, std::string>> Values);

struct MigrationSpec {
  std::string Id;      ///< "gup-vmas"; what --migration=ID names
  std::string Title;   ///< one line, for --list-migrations and patch subjects
  KernelVersion Kernel = 0; ///< the first kernel with the change
  /// The upstream commit or series (for docs and patch bodies).
  std::string Upstream;
  /// --series puts migrations in ascending order of this, then by Id.
  int SeriesOrder = 0;
  /// Names of C++ idiom rules (GUP's: matchers/rules/gup/) that run on this
  /// spec's sites before the generic ones; the loader checks they exist.
  std::vector<std::string> IdiomRules;
  /// Functions of the same family that never had the removed parameter
  /// (they are not sites; GUP: get_user_pages_fast(), ...).
  std::vector<std::string> Unaffected;
  std::vector<SpecEntry> Entries;
  /// The spec's own names (and words) for parts of the parameter-removed
  /// rule; the parts not listed are removed-argument's.
  std::vector<RuleRole> Roles;
  /// Where it was read from: "<builtin>/gup-vmas.json" or a path.
  std::string Source;

  /// Every identifier a site of this spec can be spotted by in raw text
  /// (the prefilter, skipped #if branches, files no TU read).
  std::vector<std::string> identifiers() const;
  /// The spec's naming of \p Role, or null (removed-argument's).
  const RuleRole *role(RemovedParameterRole Role) const;
};

/// Parses one spec; errors name the source and the JSON path of the bad
/// field ("gup-vmas.json: entries[3].index: expected an integer").
llvm::Expected<MigrationSpec> parseMigrationSpec(llvm::StringRef Json,
                                                 llvm::StringRef Source);

/// The specs compiled in from migrations/, in ascending SeriesOrder.
llvm::ArrayRef<MigrationSpec> builtinMigrations();

/// The built-in spec with this id, or null.
const MigrationSpec *findBuiltinMigration(llvm::StringRef Id);

/// The GUP vmas migration (the default when --migration is not given).
const MigrationSpec &gupVmasMigration();

} // namespace gup

#endif
