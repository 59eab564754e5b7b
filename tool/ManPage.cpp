//===- ManPage.cpp - The man page, from the option table ------------------===//
#include "ManPage.h"

#include "Version.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <map>
#include <string>

namespace gup {

namespace {

/// \p Text as man(7) input: '-' is a minus (copied as typed, unlike a
/// hyphen), '\' is printed, and a line cannot start as a request.
std::string roff(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '\\')
      Out += "\\e";
    else if (C == '-')
      Out += "\\-";
    else if (C == '\n')
      Out += ' ';
    else
      Out += C;
  }
  if (!Out.empty() && (Out[0] == '.' || Out[0] == '\''))
    Out.insert(0, "\\&");
  return Out;
}

/// The option as --help spells it: "--name=<value>", "-p <value>",
/// "--name[=<value>]", "--flag"; bold name, italic value.
std::string optionHeading(const llvm::cl::Option &O) {
  std::string Dashes = O.ArgStr.size() == 1 ? "-" : "--";
  std::string Out = "\\fB" + roff(Dashes + O.ArgStr.str()) + "\\fR";
  if (O.ValueStr.empty())
    return Out;
  std::string Value = "<\\fI" + roff(O.ValueStr) + "\\fR>";
  if (O.getValueExpectedFlag() == llvm::cl::ValueOptional)
    return Out + "[=" + Value + "]";
  return Out + (O.ArgStr.size() == 1 ? " " : "=") + Value;
}

// The prose around the options. Kept short: the README and docs/ (installed
// in /usr/share/doc/gup-rewrite) have the details.
const char *const Description = R"man(.SH DESCRIPTION
.B gup\-rewrite
migrates Linux kernel code across the v6.5 change that removed the
.I vmas
parameter from
.BR get_user_pages() ,
.BR pin_user_pages() ,
.B get_user_pages_remote()
and
.B pin_user_pages_remote()
(and GUP's internal functions).
It parses every translation unit of one or more compile databases
.RB ( compile_commands.json )
with Clang, finds every call, prototype and use of the family, drops the
argument by position, and reports on standard error each site it cannot
migrate with certainty.
By default it prints one unified diff for the whole tree on standard output
.RB ( "git apply"
and
.B "patch \-p1"
take it);
.BR \-\-in\-place ,
.BR \-\-export\-fixes ,
.BR \-\-report ,
.B \-\-series
and
.B \-\-findings
choose another output.
.PP
When one site of an API needs a human, every edit of that API is held back
and the warning names the blocking site, so the output always builds;
.B \-\-force\-api
migrates the rest anyway.
A file of
.B \-\-root
that uses the family but that no translation unit of the run read (another
architecture's code) is named in a warning;
.B \-\-ignore\-unread
leaves such files out on purpose.
.PP
.B \-\-shard
splits the translation units between runs: each writes what it found with
.BR \-\-findings ,
and
.B "gup\-rewrite \-\-merge"
takes every shard's file and decides and writes as one run would.
.PP
Other kernel API changes a module meets (a header that moved, a function
renamed or removed, ...) are migration specs, JSON files built in or given
by path:
.B \-\-list\-migrations
lists the built-in ones,
.B \-\-migration
chooses which to perform (default: the GUP change alone) and
.B \-\-target\-kernel
keeps those of that kernel or older (docs/migrations.md).
.PP
.I FILE
arguments limit the run to these translation units of the database.
Arguments after
.B \-\-
are added to every translation unit's compiler flags, after its own.
)man";

const char *const Trailer = R"man(.SH EXIT STATUS
.TP
.B 0
Done, also when nothing needed changing.
.TP
.B 1
Done, but some sites, translation units or files no translation unit read
need attention; they are listed on standard error as
.IR file : line : col ": warning: ... [gup\-rewrite]" .
.TP
.B 2
Bad usage or bad input (a missing or invalid compile database, a
.I FILE
not in it, a
.B \-\-root
that does not exist, an unwritable output); nothing was touched.
.SH ENVIRONMENT
.B \-\-series
without
.B \-\-from
takes the author from
.B user.name
and
.B user.email
of git's configuration as read in the
.B \-\-root
directory, as
.B "git format\-patch \-s"
does.
Clang's builtin headers are taken from the resource directory of the LLVM
the tool was built against (\fB\-\-print\-resource\-dir\fR shows it);
.B "\-\- \-resource\-dir=DIR"
overrides it.
.SH EXAMPLES
Migrate a kernel tree built with clang and review the diff:
.PP
.RS
.nf
make LLVM=\-19 defconfig && make LLVM=\-19 \-j"$(nproc)"
scripts/clang\-tools/gen_compile_commands.py
gup\-rewrite \-p . > gup.diff
git apply gup.diff
.fi
.RE
.PP
An out-of-tree module that must build before and after 6.5:
.PP
.RS
.nf
bear \-\-output compile_commands.json \-\- make \-C /lib/modules/$(uname \-r)/build M=$PWD modules
gup\-rewrite \-p . \-\-root . \-\-compat=guard \-\-in\-place
.fi
.RE
.PP
The same rules in clang-tidy, as gup\-* checks with fix-its:
.PP
.RS
.nf
clang\-tidy\-19 \-\-load=/usr/lib/gup\-rewrite/libGupTidy.so \-checks='\-*,gup\-*' \-p BUILD_DIR FILE
.fi
.RE
.SH SEE ALSO
.BR clang\-tidy\-19 (1),
.BR git\-format\-patch (1),
.BR git\-apply (1);
/usr/share/doc/gup\-rewrite/README.md and docs/ beside it (the rules,
migrations, modules, editors, scale and install notes).
)man";

} // namespace

void printManPage(llvm::raw_ostream &OS, const llvm::cl::OptionCategory &Primary) {
  OS << ".\\\" Generated by gup-rewrite --help-man from its option table.\n"
     << ".TH GUP\\-REWRITE 1 \"\" \"" << roff(versionLine()) << "\" \"User Commands\"\n"
     << ".SH NAME\n"
     << "gup\\-rewrite \\- remove the vmas parameter of the Linux GUP API (v6.5) "
        "from kernel code\n"
     << ".SH SYNOPSIS\n"
     << ".B gup\\-rewrite\n"
     << "\\fB\\-p\\fR \\fIbuild\\-dir\\fR... [\\fIoptions\\fR] [\\fIFILE\\fR...] "
        "[\\fB\\-\\-\\fR \\fIcompiler\\-args\\fR]\n"
     << ".br\n"
     << ".B gup\\-rewrite\n"
     << "\\fB\\-\\-merge\\fR [\\fIoptions\\fR] \\fIFINDINGS\\fR...\n"
     << Description;

  // The categories --help shows, the tool's own first; in each, the options
  // sorted by name as --help sorts them.
  std::map<std::pair<bool, std::string>, llvm::SmallVector<llvm::cl::Option *, 32>>
      Sections;
  // --help unhides --help-list when options come in categories besides
  // LLVM's generic one (the categorized listing is then the default).
  const bool HelpListShown = &Primary != &llvm::cl::getGeneralCategory();
  for (auto &Entry : llvm::cl::getRegisteredOptions()) {
    llvm::cl::Option *O = Entry.second;
    bool Shown = O->getOptionHiddenFlag() == llvm::cl::NotHidden ||
                 (HelpListShown && O->ArgStr == "help-list");
    if (!Shown || O->ArgStr.empty() || O->ArgStr != Entry.first())
      continue;
    for (llvm::cl::OptionCategory *Category : O->Categories)
      Sections[{Category != &Primary, Category->getName().str()}].push_back(O);
  }
  OS << ".SH OPTIONS\n";
  for (auto &[Key, Options] : Sections) {
    std::sort(Options.begin(), Options.end(),
              [](const llvm::cl::Option *A, const llvm::cl::Option *B) {
                return A->ArgStr < B->ArgStr;
              });
    OS << ".SS \"" << roff(Key.second) << "\"\n";
    for (const llvm::cl::Option *O : Options)
      OS << ".TP\n" << optionHeading(*O) << "\n" << roff(O->HelpStr) << "\n";
  }
  OS << Trailer;
}

} // namespace gup
