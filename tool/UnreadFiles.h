//===- UnreadFiles.h - Files of the tree that no TU of the run read -------===//
//
// One run sees the configurations its compile DBs build. A file of the tree
// that none of its TUs read (another architecture's code, a file no config
// enables) keeps calling the old API while the prototypes change: the run
// must name it. "Names the family" is the prefilter's token scan
// (CTokens.h): a function of the family as a whole identifier, outside
// comments and literals. A mention followed by an argument list of the 6.5
// arity (and no #if line inside it) is already migrated.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_UNREADFILES_H
#define GUP_TOOL_UNREADFILES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>
#include <vector>

namespace gup {

struct MigrationSpec;

/// The name reports give these warnings (a rule of the driver, not of the
/// rule table: no TU, no AST).
inline constexpr llvm::StringLiteral UnreadFileRule = "unread-file";
inline constexpr llvm::StringLiteral UnreadFileSummary =
    "a file of the tree that uses the GUP family and that no translation unit "
    "of the run read";

struct FamilyMention {
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Name;
  /// An `#include <Name>` of a header that moved, not an identifier.
  bool Include = false;
  /// Followed by an argument list of the 6.5 arity: nothing to do.
  bool Migrated = false;
};

struct UnreadFile {
  std::string Path; ///< canonical
  std::vector<FamilyMention> Mentions;
  /// The first mention that may still use the vmas parameter, or null.
  const FamilyMention *firstToMigrate() const;
};

/// The .c and .h files under \p Root (hidden directories and symbolic links
/// skipped) that are not in \p FilesSeen and name what one of \p Specs
/// changes (none: the GUP family) - an identifier, or the #include of a
/// header that moved - sorted by path, each with its mentions in text order.
std::vector<UnreadFile>
scanUnreadFiles(const std::set<std::string> &FilesSeen, const std::string &Root,
                llvm::ArrayRef<const MigrationSpec *> Specs = {});

/// The warning's text for \p F: what it uses and what to do.
std::string describeUnread(const UnreadFile &F);

} // namespace gup

#endif
