//===- ManPage.h - The man page, from the option table --------------------===//
//
// --help-man prints gup-rewrite(1) in man(7) format. Its OPTIONS section is
// written from the registered command-line options, the way --help lists
// them, so the page cannot fall behind the tool; the build installs it as
// share/man/man1/gup-rewrite.1.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_MANPAGE_H
#define GUP_TOOL_MANPAGE_H

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace gup {

/// Prints the page. The options --help shows are listed, those of
/// \p Primary first; hidden ones are left out as --help leaves them out.
void printManPage(llvm::raw_ostream &OS, const llvm::cl::OptionCategory &Primary);

} // namespace gup

#endif
