//===- Format.cpp - Re-format the changed lines with the tree's style -----===//
#include "Format.h"

#include "Paths.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace gup {

/// True when \p E deletes complete lines of \p Original and writes nothing.
static bool wholeLinesDeleted(llvm::StringRef Original, const FileEdit &E) {
  if (!E.Text.empty() || E.Length == 0 || E.Offset + E.Length > Original.size())
    return false;
  bool StartsLine = E.Offset == 0 || Original[E.Offset - 1] == '\n';
  return StartsLine && Original[E.Offset + E.Length - 1] == '\n';
}

const std::string &ChangeFormatter::styleFor(llvm::StringRef Dir) {
  auto It = StyleByDir.find(Dir.str());
  if (It != StyleByDir.end())
    return It->second;
  std::string Style;
  bool Found = false;
  for (const char *Name : {".clang-format", "_clang-format"}) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Name);
    if (!llvm::sys::fs::is_regular_file(Candidate))
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(Candidate);
    if (!Buffer) {
      Problems.push_back(std::string(Candidate) + ": warning: cannot read: " +
                         Buffer.getError().message() + "; edits are not re-formatted");
    } else {
      Style = (*Buffer)->getBuffer().str();
      if (Style.empty())
        Style = "{}"; // an empty file means the default style
    }
    Found = true;
    break;
  }
  if (!Found && Dir != Root && isInside(Dir, Root)) {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (!Parent.empty() && Parent != Dir)
      Style = styleFor(Parent);
  }
  return StyleByDir[Dir.str()] = Style;
}

std::string ChangeFormatter::render(const std::string &Path, llvm::StringRef Original,
                                    const std::vector<FileEdit> &Edits) {
  std::string New = ChangePlan::apply(Original, Edits);
  const std::string &StyleText = styleFor(llvm::sys::path::parent_path(Path));
  if (StyleText.empty() || Edits.empty())
    return New;

  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  Style.Language = clang::format::FormatStyle::LK_Cpp;
  if (std::error_code EC = clang::format::parseConfiguration(
          llvm::MemoryBufferRef(StyleText, Path), &Style,
          /*AllowUnknownOptions=*/true)) {
    Problems.push_back(Path + ": warning: the tree's .clang-format does not parse (" +
                       EC.message() + "); edits are not re-formatted");
    StyleByDir[llvm::sys::path::parent_path(Path).str()] = "";
    return New;
  }
  if (Style.DisableFormat)
    return New;
  // The tree's limit (the kernel's preferred 80), never beyond the 100
  // columns checkpatch accepts.
  if (Style.ColumnLimit == 0 || Style.ColumnLimit > 100)
    Style.ColumnLimit = 100;
  Style.SortIncludes = clang::format::FormatStyle::SI_Never;
  // Kernel-style argument lists: continuation aligned with the open
  // parenthesis rather than a bare `(` ending the line (checkpatch --strict
  // reports OPEN_ENDED_LINE): that break costs as much as three columns
  // beyond the limit, so it is only taken when alignment does not fit.
  Style.AllowAllArgumentsOnNextLine = false;
  Style.AllowAllParametersOfDeclarationOnNextLine = false;
  unsigned OpenParen = 3 * std::max<unsigned>(Style.PenaltyExcessCharacter, 100);
  Style.PenaltyBreakBeforeFirstCallParameter =
      std::max<unsigned>(Style.PenaltyBreakBeforeFirstCallParameter, OpenParen);
  Style.PenaltyBreakOpenParenthesis =
      std::max<unsigned>(Style.PenaltyBreakOpenParenthesis, OpenParen);

  // The edited text in the new file's offsets. Whole lines deleted leave
  // nothing new to lay out: a range there would hand clang-format the
  // whole construct around them (a struct initialiser is one line to it,
  // and `.owner =\tTHIS_MODULE,` would lose the tree's own alignment).
  std::vector<clang::tooling::Range> Ranges;
  long Shift = 0;
  for (const FileEdit &E : Edits) {
    unsigned Begin = E.Offset + Shift;
    if (!wholeLinesDeleted(Original, E))
      Ranges.emplace_back(Begin, E.Text.size());
    Shift += static_cast<long>(E.Text.size()) - static_cast<long>(E.Length);
  }
  if (Ranges.empty())
    return New;
  clang::tooling::Replacements Fixes =
      clang::format::reformat(Style, New, Ranges, llvm::sys::path::filename(Path));
  llvm::Expected<std::string> Formatted =
      clang::tooling::applyAllReplacements(New, Fixes);
  if (!Formatted) {
    Problems.push_back(Path + ": warning: re-formatting failed (" +
                       llvm::toString(Formatted.takeError()) +
                       "); the minimal edit is kept");
    return New;
  }
  return *Formatted;
}

void ChangeFormatter::renderAll(const ChangePlan &Plan, std::vector<ChangedFile> &Files) {
  for (ChangedFile &F : Files) {
    auto It = Plan.edits().find(F.Path);
    if (It != Plan.edits().end())
      F.New = render(F.Path, F.Original, It->second);
  }
}

} // namespace gup
