//===- MigrationOptions.h - Knobs shared by every front end ---------------===//
#ifndef GUP_MATCHERS_MIGRATIONOPTIONS_H
#define GUP_MATCHERS_MIGRATIONOPTIONS_H

#include <set>
#include <string>
#include <vector>

namespace gup {

struct MigrationSpec;

/// How out-of-tree code that must build before and after 6.5 is rewritten.
enum class CompatMode {
  None,   ///< the 6.5 API only (the in-tree migration)
  Guard,  ///< each site keeps both forms under a LINUX_VERSION_CODE test
  Header, ///< sites call wrappers of a generated compat header
};

struct MigrationOptions {
  /// Kernel the output must build on, as major * 100 + minor (6.5 -> 605).
  /// get_user_page_vma_remote() may return NULL up to 6.6, never from 6.7.
  unsigned TargetKernel = 605;
  /// Delete io_uring-style loops that re-check the VMAs of a long-term pin
  /// (GUP enforces the check itself from 6.5) instead of keeping them.
  bool DropVmaChecks = false;
  /// Rules to skip, by name. Only for testing the tests: a test of a rule
  /// must fail when the rule is disabled.
  std::set<std::string> DisabledRules;
  CompatMode Compat = CompatMode::None;
  /// The migrations to run, in series order (not owned; built-in specs live
  /// for the process, the front end keeps specs read from files). Empty
  /// means the GUP vmas migration alone, today's default.
  std::vector<const MigrationSpec *> Migrations;
  /// The tree this run may change (the tool's --root), absolute. A spec's
  /// API declared or defined in a file inside it is the tree's own: its
  /// callers are reported, not edited apart from the definition. Empty:
  /// the directory of the main file and below (what clang-tidy's header
  /// filter usually selects); system headers never count.
  std::string TreeRoot;
};

} // namespace gup

#endif
