//===- Conditionals.h - The #if groups of a file's text --------------------===//
//
// Every edit the tool makes is a replacement of file text, and file text
// holds the preprocessor lines of all configurations at once. An edit that
// takes the `#endif` of a group but not its `#if` leaves a file that no
// longer preprocesses; one that removes an argument from one branch of a
// group written inside an argument list changes what other kernels compile.
// This reads a file's directive lines as the preprocessor does (comments,
// continuation lines), pairs them into groups, and answers the questions
// the edits and the --compat composition ask:
//
//  - does a range cut a group or a directive line (cutsGroup())?
//  - which kernel versions compile the code at an offset (rangeAt())?
//  - what is a piece of text on the kernels of a range, with the groups that
//    range decides resolved (resolveVersionTests())?
//  - where does an #include go so that it is outside every group?
//
// Pure text: no AST, no SourceManager. The preprocessor's own view of the
// active configuration is VersionGuards.h.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_MATCHERS_CONDITIONALS_H
#define GUP_MATCHERS_CONDITIONALS_H

#include "VersionGuards.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace gup {

/// One directive line (with its continuation lines).
struct DirectiveLine {
  enum KindT { If, Ifdef, Ifndef, Elif, Elifdef, Elifndef, Else, Endif, Include, Other };
  KindT Kind = Other;
  size_t Begin = 0; ///< start of the line
  size_t End = 0;   ///< just after its last newline (or the end of the text)
  size_t NameBegin = 0, NameEnd = 0; ///< the directive's name ("if", "elif", ...)
  llvm::StringRef Rest; ///< the text after the name (a condition, a header)
  bool opens() const { return Kind == If || Kind == Ifdef || Kind == Ifndef; }
  bool continues() const {
    return Kind == Elif || Kind == Elifdef || Kind == Elifndef || Kind == Else;
  }
  /// #if or #elif: the condition is text we can read.
  bool hasCondition() const { return Kind == If || Kind == Elif; }
};

/// One #if ... #endif group.
struct ConditionalGroup {
  std::vector<size_t> Branches; ///< indices into the lines: #if, #elif..., #else
  size_t EndIf = ~size_t(0);    ///< index of the #endif (none: unterminated)
  size_t Parent = ~size_t(0);   ///< index of the enclosing group
};

class Conditionals {
public:
  explicit Conditionals(llvm::StringRef Text);

  llvm::StringRef text() const { return Text; }
  const std::vector<DirectiveLine> &lines() const { return Lines; }
  const std::vector<ConditionalGroup> &groups() const { return Groups; }

  /// Why replacing [Begin, End) would break the file's conditionals (it
  /// covers part of an #if/#elif/#else/#endif line, or part of a group: some
  /// of its directive lines and not the others), or nullopt when it does not.
  std::optional<std::string> cutsGroup(size_t Begin, size_t End) const;
  /// The condition of \p L (an #if or #elif) with the object-like macros
  /// the text defines to version tests expanded.
  std::string condition(const DirectiveLine &L) const;

  /// True when a directive line lies (even partly) in [Begin, End).
  bool hasDirectiveIn(size_t Begin, size_t End) const;

  /// The versions that compile the code at \p Offset, as far as the version
  /// tests around it say (a superset: tests of anything else are ignored).
  VersionRange rangeAt(size_t Offset) const;

  /// The innermost group with a branch holding \p Offset in its body, and
  /// which branch (index into its Branches), or nullopt.
  std::optional<std::pair<size_t, size_t>> branchAt(size_t Offset) const;
  /// The body of branch \p Branch of group \p Group: from the end of its
  /// directive line to the start of the next one.
  std::pair<size_t, size_t> bodyOf(size_t Group, size_t Branch) const;
  /// True when some condition of group \p Group names LINUX_VERSION_CODE.
  bool testsVersion(size_t Group) const;
  /// The range of versions for which branch \p Branch of \p Group is taken,
  /// given the conditions of its own group only (a superset).
  VersionRange branchRange(size_t Group, size_t Branch) const;

  /// True when the text includes \p Header (<...> or "...") on a line that
  /// is outside every group (the include guard of a header excepted) and
  /// before \p Before.
  bool includesAtTop(llvm::StringRef Header, size_t Before) const;
  /// True when an #if outside every group (the include guard excepted) and
  /// before \p Before tests LINUX_VERSION_CODE: every configuration of the
  /// file evaluates it, so the file gets the macro some way already.
  bool testsVersionAtTop(size_t Before) const;
  /// Where a new #include line goes: after the last #include line outside
  /// every group before \p Before (of the kind \p Angled when there is one),
  /// else before the first line outside every group that is code or a
  /// directive (after leading comments and the include guard).
  size_t includePoint(size_t Before, bool Angled) const;

private:
  /// The group that is the include guard of a header, or ~0.
  size_t includeGuard() const;
  bool atTop(size_t Line) const;

  llvm::StringRef Text;
  std::vector<DirectiveLine> Lines;
  std::vector<ConditionalGroup> Groups;
  std::vector<size_t> GroupOfLine; ///< the group each directive line belongs to (~0: none)
  std::vector<size_t> Depth;       ///< groups enclosing each line (its own not counted)
  llvm::StringMap<std::string> VersionMacros; ///< `#define M (version test)`
};

/// \p Text (whole lines with balanced groups) as the kernels of \p Where
/// compile it: every group whose taken branch \p Where decides is replaced
/// by that branch's lines (or by nothing); the other groups stay, with
/// their branches resolved inside. Version macros are not expanded.
std::string resolveVersionTests(llvm::StringRef Text, VersionRange Where);

/// The number of top-level comma-separated items of the list whose '('
/// starts \p Text, up to its matching ')', or nullopt when there is none.
/// Directive lines inside are skipped (resolve them first).
std::optional<unsigned> countListItems(llvm::StringRef Text);

/// The number of items of the list written from the '(' at \p LParen to the
/// ')' at \p RParen of \p Buffer (a branch of an #if inside may hold the
/// ')' too), as kernels from 6.5 on compile it: the version tests of the
/// list resolved for them. Nullopt when tests of something else decide it.
std::optional<unsigned> countItemsForNewKernels(llvm::StringRef Buffer, size_t LParen,
                                                size_t RParen);

} // namespace gup

#endif
