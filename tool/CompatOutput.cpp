//===- CompatOutput.cpp - Turn the plan into --compat output --------------===//
#include "CompatOutput.h"

#include "Paths.h"

#include "Compat.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace gup {

/// How a file in directory \p FromDir spells the path of \p Target in an
/// #include "..." (relative to the including file, as the compiler looks).
static std::string includeSpelling(llvm::StringRef FromDir, llvm::StringRef Target) {
  llvm::SmallVector<llvm::StringRef, 16> From, To;
  for (auto It = llvm::sys::path::begin(FromDir), End = llvm::sys::path::end(FromDir);
       It != End; ++It)
    From.push_back(*It);
  for (auto It = llvm::sys::path::begin(Target), End = llvm::sys::path::end(Target);
       It != End; ++It)
    To.push_back(*It);
  size_t Common = 0;
  while (Common < From.size() && Common + 1 < To.size() && From[Common] == To[Common])
    ++Common;
  std::string Out;
  for (size_t I = Common; I < From.size(); ++I)
    Out += "../";
  for (size_t I = Common; I < To.size(); ++I)
    Out += To[I].str() + (I + 1 < To.size() ? "/" : "");
  return Out;
}

std::optional<ChangedFile> composeCompat(ChangePlan &Plan, const CompatRequest &Request,
                                         std::vector<std::string> &Problems) {
  std::string Header = Request.HeaderPath;
  bool UsesHeader = false;
  std::vector<std::pair<std::string, std::vector<FileEdit>>> Files(
      Plan.edits().begin(), Plan.edits().end());
  for (auto &[Path, Edits] : Files) {
    if (Edits.empty())
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(Path, false, false);
    if (!Buffer)
      continue; // computeChanges() reports it
    llvm::StringRef Original = (*Buffer)->getBuffer();
    if (Request.Mode == CompatMode::Guard) {
      llvm::Expected<std::vector<FileEdit>> Guarded = composeVersionGuards(Original, Edits);
      if (!Guarded) {
        Problems.push_back(Path + ": error: --compat=guard: " +
                           llvm::toString(Guarded.takeError()) + "; left unchanged");
        Plan.setEdits(Path, {});
        continue;
      }
      Plan.setEdits(Path, std::move(*Guarded));
      continue;
    }
    bool NeedsWrappers = llvm::any_of(
        Edits, [](const FileEdit &E) { return E.Side == ApiSide::New; });
    if (NeedsWrappers && Header.empty()) {
      llvm::SmallString<256> Beside(llvm::sys::path::parent_path(Path));
      llvm::sys::path::append(Beside, "gup_compat.h");
      Header = std::string(Beside);
    }
    UsesHeader |= NeedsWrappers;
    std::string Spelling =
        NeedsWrappers ? includeSpelling(llvm::sys::path::parent_path(Path), Header) : "";
    Plan.setEdits(Path, composeCompatHeader(Original, Edits, Spelling));
  }
  if (Request.Mode != CompatMode::Header || !UsesHeader)
    return std::nullopt;

  std::string Text =
      Request.Migration
          ? compatHeaderText(llvm::sys::path::filename(Header), *Request.Migration)
          : compatHeaderText(llvm::sys::path::filename(Header));
  if (!isInside(Header, Request.Root)) {
    Problems.push_back(Header + ": error: --compat=header: the header would be "
                                "outside the tree (--root); nothing was changed");
    for (auto &[Path, Edits] : Files)
      Plan.setEdits(Path, {});
    return std::nullopt;
  }
  auto Existing = llvm::MemoryBuffer::getFile(Header, false, false);
  if (!Existing)
    return ChangedFile{Header, "", Text, /*Created=*/true};
  llvm::StringRef Old = (*Existing)->getBuffer();
  if (Old == Text)
    return std::nullopt;
  if (!isOurCompatHeader(Old)) {
    Problems.push_back(Header + ": error: --compat=header: this file exists and "
                                "gup-rewrite did not write it; give another "
                                "--compat=header=PATH; nothing was changed");
    for (auto &[Path, Edits] : Files)
      Plan.setEdits(Path, {});
    return std::nullopt;
  }
  return ChangedFile{Header, Old.str(), Text, /*Created=*/false};
}

} // namespace gup
