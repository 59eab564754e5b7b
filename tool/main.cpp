//===- main.cpp - gup-rewrite command line --------------------------------===//
//
// gup-rewrite -p BUILD_DIR [--root DIR] [mode] [FILE...] [-- EXTRA_ARGS]
//
// Parses the translation units of a compile database, runs the rule library
// over each, merges what they found into one plan, and prints it as a diff
// (default), writes it (--in-place), exports it as clang-apply-replacements
// YAML (--export-fixes) or lists every site (--report).
//
// Exit status: 0 done; 1 done, but some sites or TUs need attention (listed
// on stderr); 2 bad usage or input (nothing was touched).
//
//===----------------------------------------------------------------------===//
#include "CompatOutput.h"
#include "CompileDb.h"
#include "Format.h"
#include "GitIdentity.h"
#include "ManPage.h"
#include "Migrations.h"
#include "Output.h"
#include "Paths.h"
#include "PhaseTimes.h"
#include "ReportFormats.h"
#include "ResourceDir.h"
#include "RunRecord.h"
#include "Series.h"
#include "ShardFile.h"
#include "TuRunner.h"
#include "TuSchedule.h"
#include "Version.h"

#include "EditSet.h"
#include "GupApi.h"
#include "RuleTable.h"
#include "SkippedCode.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <malloc.h>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace {

enum ExitStatus { Done = 0, NeedsAttention = 1, BadInput = 2 };

cl::OptionCategory Category("gup-rewrite options");

cl::list<std::string> BuildPaths(
    "p", cl::desc("Build directory holding compile_commands.json (or the file "
                  "itself); repeat for several builds"),
    cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> RootDir(
    "root", cl::desc("The tree: output paths are relative to it and nothing "
                     "outside it is written (default: the directory of the "
                     "first compile_commands.json)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> InPlace("in-place", cl::desc("Write the changes into the files"),
                      cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the changes as clang-apply-replacements YAML to <file>"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> Report("report",
                     cl::desc("Print one 'file:line:col: rule: message' line "
                              "per site instead of a diff"),
                     cl::cat(Category));
cl::opt<std::string> ReportFormat(
    "report-format",
    cl::desc("Format of --report: text (default; file:line:col lines), json, "
             "or sarif (SARIF 2.1.0 with the fixes); implies --report"),
    cl::value_desc("text|json|sarif"), cl::cat(Category));
cl::opt<std::string> Series(
    "series",
    cl::desc("Write the migration as a bisectable git format-patch series "
             "into <dir> (cover letter, then one patch per API)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> SeriesFrom(
    "from", cl::desc("Author of the --series patches, as 'Name <address>' "
                     "(default: user.name and user.email of git config in "
                     "--root, else a placeholder)"),
    cl::value_desc("ident"), cl::cat(Category));
cl::opt<bool> SeriesSignoff(
    "signoff",
    cl::desc("Add a Signed-off-by: line for the author (--from or git's "
             "identity) to each patch"),
    cl::cat(Category));
cl::opt<std::string> CoverageReport(
    "coverage-report",
    cl::desc("Write what this configuration could not see to <file>: GUP "
             "code in skipped #if branches (fixed or not) and files of the "
             "tree that no TU read but that name the family"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> AllowErrors(
    "allow-errors",
    cl::desc("Keep the edits of translation units that have compile errors"),
    cl::cat(Category));
cl::list<std::string> ForceApi(
    "force-api",
    cl::desc("Migrate this API even when some of its sites need a human "
             "(they are left as they are, with a warning)"),
    cl::value_desc("name"), cl::cat(Category));
cl::opt<std::string> TargetKernel(
    "target-kernel",
    cl::desc("Kernel the output must build on, as X.Y (default 6.5). From "
             "6.7 get_user_page_vma_remote() never returns NULL, so only "
             "IS_ERR() is tested. With --migration it also keeps, of the "
             "migrations named, those of this kernel or older (then it may "
             "be below 6.5, which leaves gup-vmas out)"),
    cl::value_desc("X.Y"), cl::init("6.5"), cl::cat(Category));
cl::list<std::string> MigrationIds(
    "migration",
    cl::desc("The migrations to perform: built-in ids (see "
             "--list-migrations), comma-separated or repeated, 'all', or the "
             "path of a .json spec (docs/migrations.md). Default: gup-vmas "
             "alone"),
    cl::value_desc("id[,id...]|all|path"), cl::cat(Category));
cl::opt<bool> ListMigrations(
    "list-migrations",
    cl::desc("List the built-in migrations (id, kernel, kinds of change, "
             "title) and exit; --migration and --target-kernel choose among "
             "them"),
    cl::cat(Category));
cl::opt<bool> DropVmaChecks(
    "drop-vma-checks",
    cl::desc("Delete loops that re-check the VMAs of a long-term pin (GUP "
             "enforces the check itself from 6.5; see docs/rules.md) instead "
             "of keeping them with vma_lookup()"),
    cl::cat(Category));
cl::opt<std::string> Compat(
    "compat",
    cl::desc("Output for out-of-tree code that must build before and after "
             "Linux 6.5. 'guard': each site keeps its old and new form under "
             "#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0); 'header' or "
             "'header=PATH': sites call the wrappers of a generated compat "
             "header (default: gup_compat.h beside the first changed file). "
             "The family's own prototypes and definitions are left alone"),
    cl::value_desc("guard|header[=PATH]"), cl::cat(Category));
cl::list<std::string> DisableRule(
    "disable-rule",
    cl::desc("Skip a rule (for testing that each rule's tests fail without it)"),
    cl::value_desc("name"), cl::Hidden, cl::cat(Category));
cl::opt<bool> ListRules("list-rules", cl::desc("List the rules and exit"),
                        cl::cat(Category));
// Scale: which TUs are parsed, how many at once, what the user sees meanwhile.
cl::opt<unsigned> ParallelJobs(
    "j", cl::desc("Parse <N> translation units at once, each in a worker "
                  "process of its own (default: the number of cores)"),
    cl::value_desc("N"), cl::Prefix, cl::cat(Category));
cl::opt<bool> NoPrefilter(
    "no-prefilter",
    cl::desc("Parse every translation unit, not only those whose text can "
             "reach a function of the family (for audits)"),
    cl::cat(Category));
cl::opt<bool> FullParse(
    "full-parse",
    cl::desc("Parse every function body, not only those that can matter to "
             "the migration (the output is the same; for audits)"),
    cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Where the prefilter keeps what it found in each file between "
             "runs (default: $GUP_REWRITE_CACHE_DIR, else "
             "$XDG_CACHE_HOME/gup-rewrite/prefilter, else "
             "~/.cache/gup-rewrite/prefilter)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache",
                      cl::desc("Neither read nor write the prefilter's cache"),
                      cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Process shard <I> of <N> (I from 1 to N) of the translation "
             "units the prefilter keeps; write its --findings and merge "
             "every shard's with --merge"),
    cl::value_desc("I/N"), cl::cat(Category));
// Find and decide in separate runs: shards find, one merge decides.
cl::opt<std::string> FindingsOut(
    "findings",
    cl::desc("Write what this run (or shard) found - sites, edits, files "
             "read - as JSON to <file>, and decide nothing: gup-rewrite "
             "--merge takes every shard's file and decides as one run"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> Merge(
    "merge",
    cl::desc("Merge the --findings files given as arguments (one per shard "
             "of a run) and decide and write as that run would: hold-backs, "
             "conflicts, the diff, --in-place, reports"),
    cl::cat(Category));
cl::list<std::string> IgnoreUnread(
    "ignore-unread",
    cl::desc("A file of the tree that uses the family but that no TU of the "
             "run read is a warning (exit 1); leave out, on purpose, the "
             "files whose path relative to --root matches <glob> ('*' "
             "matches '/' too)"),
    cl::value_desc("glob"), cl::cat(Category));
cl::opt<bool> ListTus(
    "list-tus",
    cl::desc("Print the translation units this run would parse (after the "
             "prefilter and --shard), one per line, and exit"),
    cl::cat(Category));
cl::opt<bool> ShowProgress(
    "progress", cl::desc("Show a progress line on stderr even when it is "
                         "not a terminal"),
    cl::cat(Category));
cl::opt<bool> NoProgress("no-progress",
                         cl::desc("Never show the progress line"),
                         cl::cat(Category));
cl::opt<bool> ShowSummary(
    "summary",
    cl::desc("Print the end-of-run summary on stderr even when it is not a "
             "terminal (TUs, prefilter, sites per rule, time)"),
    cl::cat(Category));
cl::opt<std::string> TestCrashOn(
    "test-crash-on",
    cl::desc("Make the worker whose main file ends with <suffix> crash "
             "(for testing that a crash is contained)"),
    cl::value_desc("suffix"), cl::Hidden, cl::cat(Category));
// Installation: where clang's headers are, and the man page.
cl::opt<bool> PrintResourceDir(
    "print-resource-dir",
    cl::desc("Print the clang resource directory (builtin headers such as "
             "<stddef.h>) translation units are parsed with, and exit"),
    cl::cat(Category));
cl::opt<std::string> TestBuiltinResourceDir(
    "test-builtin-resource-dir",
    cl::desc("Replace the compiled-in resource directory (for testing the "
             "fallbacks)"),
    cl::value_desc("dir"), cl::Hidden, cl::cat(Category));
cl::opt<bool> HelpMan("help-man",
                      cl::desc("Print the man page (man(7) format) and exit"),
                      cl::Hidden, cl::cat(Category));
cl::list<std::string> Files(cl::Positional,
                            cl::desc("[FILE...] (with --merge: the findings files)"),
                            cl::cat(Category));

/// The outputs --compat cannot go with (empty when none is asked for).
std::string checkCompatOutput() {
  if (!Series.empty())
    return "--compat and --series exclude each other: a series is the "
           "in-tree migration";
  // Guards are composed per file from several sites' edits, and header
  // mode creates a file: neither is a set of per-site fixes.
  if (!ExportFixes.empty())
    return "--compat output is composed per file (version tests, a new "
           "header), which --export-fixes cannot express; use the diff or "
           "--in-place";
  return "";
}

/// What finds (a shard, --findings) and what decides (--merge) each take:
/// the merge parses nothing and takes the run's settings from the files;
/// a shard decides nothing. An option in the wrong place is bad usage.
std::string checkFindAndDecide() {
  if (Merge) {
    if (!FindingsOut.empty())
      return "--merge and --findings exclude each other";
    // Options given here, by how often, with their names.
    const std::pair<unsigned, const char *> FindingOnly[] = {
        {BuildPaths.getNumOccurrences(), "-p"},
        {RootDir.getNumOccurrences(), "--root"},
        {Shard.getNumOccurrences(), "--shard"},
        {Compat.getNumOccurrences(), "--compat"},
        {TargetKernel.getNumOccurrences(), "--target-kernel"},
        {MigrationIds.getNumOccurrences(), "--migration"},
        {DropVmaChecks.getNumOccurrences(), "--drop-vma-checks"},
        {DisableRule.getNumOccurrences(), "--disable-rule"},
        {NoPrefilter.getNumOccurrences(), "--no-prefilter"},
        {ParallelJobs.getNumOccurrences(), "-j"},
        {ListTus.getNumOccurrences(), "--list-tus"},
        {TestCrashOn.getNumOccurrences(), "--test-crash-on"}};
    for (auto [Given, Name] : FindingOnly)
      if (Given)
        return std::string("--merge: ") + Name +
               " belongs on the command line of the shards; the merge "
               "takes the run's settings from their findings files";
    if (Files.empty())
      return "--merge: give the findings file of every shard";
  }
  // A shard alone cannot tell what the whole run could not see.
  if (!Shard.empty() && FindingsOut.empty())
    for (auto [Option, Name] : {std::pair<const std::string *, const char *>{
                                    &Series.getValue(), "--series"},
                                {&CoverageReport.getValue(), "--coverage-report"}})
      if (!Option->empty())
        return std::string(Name) + " needs the whole run: give each shard "
               "--findings=FILE and " + Name + " to gup-rewrite --merge";
  if (!FindingsOut.empty()) {
    const std::pair<unsigned, const char *> DecidingOnly[] = {
        {ForceApi.getNumOccurrences(), "--force-api"},
        {AllowErrors.getNumOccurrences(), "--allow-errors"},
        {CoverageReport.getNumOccurrences(), "--coverage-report"},
        {IgnoreUnread.getNumOccurrences(), "--ignore-unread"}};
    for (auto [Given, Name] : DecidingOnly)
      if (Given)
        return std::string("--findings: ") + Name +
               " is decided when the findings are merged; give it to "
               "gup-rewrite --merge";
  }
  return "";
}

/// The author of --series patches: --from, else the identity git knows in
/// \p Root, like `git format-patch -s`. Returns what is wrong, or "".
std::string seriesAuthor(const std::string &Root, std::string &Author) {
  Author = SeriesFrom;
  if (Series.empty() || !Author.empty())
    return "";
  Author = gup::gitIdentity(Root);
  if (!Author.empty() && !gup::isValidIdentity(Author))
    return "git's identity '" + Author + "' is not 'Name <user@host>'; give --from";
  if (Author.empty() && SeriesSignoff)
    return "--signoff needs --from, or user.name and user.email in git config: "
           "whose Signed-off-by: line is it?";
  if (Author.empty())
    errs() << "gup-rewrite: note: no --from and no user.name/user.email in "
              "git config: the patches' author is a placeholder\n";
  return "";
}

/// One line, the usual compiler shape, and the status that goes with it.
int fail(const Twine &Message) {
  errs() << "gup-rewrite: error: " << Message << "\n";
  return BadInput;
}

/// --cache-dir, or the default place for the prefilter's cache.
std::string prefilterCacheDir() {
  if (!CacheDir.empty())
    return CacheDir;
  if (const char *Env = getenv("GUP_REWRITE_CACHE_DIR"); Env && *Env)
    return Env;
  SmallString<256> Dir;
  if (const char *Xdg = getenv("XDG_CACHE_HOME"); Xdg && *Xdg)
    Dir = Xdg;
  else if (const char *Home = getenv("HOME"); Home && *Home)
    sys::path::append(Dir, Home, ".cache");
  else
    return "";
  sys::path::append(Dir, "gup-rewrite", "prefilter");
  return std::string(Dir);
}

bool checkWritableOutput(StringRef Path, std::string &Why) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  StringRef Dir = sys::path::parent_path(Abs);
  if (!sys::fs::is_directory(Dir)) {
    Why = ("directory '" + Dir + "' does not exist").str();
    return false;
  }
  if (sys::fs::exists(Abs) && sys::fs::is_directory(Abs)) {
    Why = "it is a directory";
    return false;
  }
  if (sys::fs::access(Dir, sys::fs::AccessMode::Write)) {
    Why = ("directory '" + Dir + "' is not writable").str();
    return false;
  }
  if (sys::fs::exists(Abs) && sys::fs::access(Abs, sys::fs::AccessMode::Write)) {
    Why = "the file is not writable";
    return false;
  }
  return true;
}

/// The decision and the output (below main), the same for a run and for
/// the merge of its shards.
int decideAndWrite(gup::RunFindings &Found, gup::CompatRequest CompatOut,
                   const std::vector<GlobPattern> &Ignored,
                   const std::string &SeriesAuthor,
                   const gup::MigrationSelection &Migrations, unsigned Parallel,
                   std::chrono::steady_clock::time_point WallStart,
                   gup::RunPhases Phases);

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  auto WallStart = std::chrono::steady_clock::now();

  // Everything after `--` goes to the compiler, after each TU's own flags.
  std::vector<const char *> OwnArgs;
  std::vector<std::string> ExtraArgs;
  bool AfterDashes = false;
  for (int I = 0; I < argc; ++I) {
    if (!AfterDashes && I > 0 && StringRef(argv[I]) == "--") {
      AfterDashes = true;
      continue;
    }
    if (AfterDashes)
      ExtraArgs.push_back(argv[I]);
    else
      OwnArgs.push_back(argv[I]);
  }

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) { gup::printVersion(OS); });
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          OwnArgs.size(), OwnArgs.data(),
          "gup-rewrite: remove the vmas parameter of the GUP API (Linux 6.5)\n",
          &ParseErrorStream)) {
    errs() << ParseErrors;
    return BadInput;
  }

  if (HelpMan) {
    gup::printManPage(outs(), Category);
    return Done;
  }
  gup::ResourceDirSearch Resources =
      gup::findResourceDir(argv[0], TestBuiltinResourceDir);
  if (PrintResourceDir) {
    if (Resources.Dir.empty())
      return fail("clang's resource directory was not found (tried " +
                  join(Resources.Tried, ", ") +
                  "); install libclang-common-19-dev");
    outs() << Resources.Dir << "\n";
    return Done;
  }

  if (ListRules) {
    std::vector<gup::RuleInfo> Rules = gup::allRuleInfos();
    if (MigrationIds.getNumOccurrences())
      for (const gup::RuleInfo &Info : gup::specKindRuleInfos())
        Rules.push_back(Info);
    for (const gup::RuleInfo &Info : Rules)
      outs() << Info.Name << "\t" << Info.TidyCheck << "\t" << Info.Summary << "\n";
    return Done;
  }
  if (ListMigrations) {
    for (const gup::MigrationSpec &Spec : gup::builtinMigrations())
      outs() << gup::describeMigration(Spec) << "\n";
    return Done;
  }

  if (!ReportFormat.empty()) {
    if (ReportFormat != "text" && ReportFormat != "json" && ReportFormat != "sarif")
      return fail("--report-format=" + ReportFormat + ": expected text, json or sarif");
    Report = true;
  }
  int Modes = InPlace + !ExportFixes.empty() + Report + !Series.empty() +
              !FindingsOut.empty();
  if (Modes > 1)
    return fail("--in-place, --export-fixes, --report, --series and --findings "
                "exclude each other");
  if (std::string Why = checkFindAndDecide(); !Why.empty())
    return fail(Why);
  if (Series.empty() && (!SeriesFrom.empty() || SeriesSignoff))
    return fail("--from and --signoff go with --series");
  if (!SeriesFrom.empty() && !gup::isValidIdentity(SeriesFrom))
    return fail("--from='" + SeriesFrom + "': expected 'Name <user@host>'");
  if (!Series.empty()) {
    SmallString<256> Dir(Series.getValue());
    sys::fs::make_absolute(Dir);
    if (sys::fs::exists(Dir) && !sys::fs::is_directory(Dir))
      return fail("--series='" + Series + "': not a directory");
    if (!sys::fs::is_directory(sys::path::parent_path(Dir)))
      return fail("--series='" + Series + "': directory '" +
                  sys::path::parent_path(Dir) + "' does not exist");
  }
  gup::CompatRequest CompatOut;
  if (!Compat.empty()) {
    StringRef Mode = Compat;
    if (Mode == "guard") {
      CompatOut.Mode = gup::CompatMode::Guard;
    } else if (Mode == "header" || Mode.starts_with("header=")) {
      CompatOut.Mode = gup::CompatMode::Header;
      if (Mode.consume_front("header=")) {
        if (Mode.empty() || Mode.ends_with("/"))
          return fail("--compat=" + Compat + ": expected header=PATH to a file");
        SmallString<256> Path(Mode);
        sys::fs::make_absolute(Path);
        if (sys::fs::is_directory(Path))
          return fail("--compat=" + Compat + ": '" + Path + "' is a directory");
        if (!sys::fs::is_directory(sys::path::parent_path(Path)))
          return fail("--compat=" + Compat + ": directory '" +
                      sys::path::parent_path(Path) + "' does not exist");
        CompatOut.HeaderPath = std::string(Path);
      }
    } else {
      return fail("--compat=" + Compat + ": expected guard, header or header=PATH");
    }
    if (std::string Why = checkCompatOutput(); !Why.empty())
      return fail(Why);
  }
  // Any function the run may hold back can be forced: the family, and the
  // static helpers that lose a vmas parameter with it.
  for (const std::string &Api : ForceApi)
    if (gup::neverHadVmas(Api) || Api.empty())
      return fail("--force-api=" + Api + ": never had a vmas parameter");
  for (const std::string *Output :
       {&ExportFixes.getValue(), &CoverageReport.getValue(), &FindingsOut.getValue()}) {
    std::string Why;
    if (!Output->empty() && !checkWritableOutput(*Output, Why))
      return fail("cannot write '" + *Output + "': " + Why);
  }
  std::vector<GlobPattern> Ignored;
  for (const std::string &Glob : IgnoreUnread) {
    Expected<GlobPattern> Pattern = GlobPattern::create(Glob);
    if (!Pattern)
      return fail("--ignore-unread=" + Glob + ": " + toString(Pattern.takeError()));
    Ignored.push_back(std::move(*Pattern));
  }

  gup::RunFindings Found;
  if (Merge) {
    Expected<gup::RunFindings> Merged = gup::mergeFindings(Files);
    if (!Merged)
      return fail(toString(Merged.takeError()));
    Found = std::move(*Merged);
    if (!sys::fs::is_directory(Found.Run.Root))
      return fail("--merge: the shards' tree '" + Found.Run.Root +
                  "' is not here; merge where the tree is, at the same path");
    if (!Found.Run.Compat.empty()) {
      CompatOut.Mode = Found.Run.Compat == "guard" ? gup::CompatMode::Guard
                                                   : gup::CompatMode::Header;
      CompatOut.HeaderPath = Found.Run.CompatHeader;
      if (std::string Why = checkCompatOutput(); !Why.empty())
        return fail("the shards ran with --compat=" + Found.Run.Compat + ": " + Why);
    }
    std::string SeriesAuthor;
    if (std::string Why = seriesAuthor(Found.Run.Root, SeriesAuthor); !Why.empty())
      return fail(Why);
    // The shards' migrations, as they resolved them (ids, spec paths).
    Expected<gup::MigrationSelection> Migrations =
        gup::selectMigrations(Found.Run.Migrations, std::nullopt);
    if (!Migrations)
      return fail("--merge: the shards' migrations: " +
                  toString(Migrations.takeError()));
    return decideAndWrite(Found, CompatOut, Ignored, SeriesAuthor, *Migrations,
                          /*Parallel=*/0, WallStart, gup::RunPhases());
  }

  if (BuildPaths.empty())
    return fail("no compile database: give -p BUILD_DIR");

  gup::RunPhases Phases;
  gup::PhaseTimer Phase;
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  std::string CacheDirPath;
  if (!NoCache) {
    CacheDirPath = prefilterCacheDir();
    if (!CacheDirPath.empty())
      CacheDirPath = gup::canonicalPath(CacheDirPath, Cwd);
  }
  // The kernel the output must build on; with --migration it also picks
  // the migrations that kernel has.
  std::optional<gup::KernelVersion> Target = gup::parseKernelVersion(TargetKernel);
  bool SelectByKernel = TargetKernel.getNumOccurrences() && MigrationIds.getNumOccurrences();
  if (!Target || (!SelectByKernel && *Target < 605))
    return fail("--target-kernel=" + TargetKernel +
                (SelectByKernel ? ": expected a version X.Y"
                                : ": expected a version X.Y of 6.5 or later"));
  Expected<gup::MigrationSelection> Migrations = gup::selectMigrations(
      MigrationIds, SelectByKernel ? Target : std::nullopt);
  if (!Migrations)
    return fail(toString(Migrations.takeError()));
  if (Migrations->Specs.empty())
    return fail("--target-kernel=" + TargetKernel +
                ": none of the migrations named (--migration) is of that "
                "kernel or older; --list-migrations shows their kernels");

  // A warm run whose every input is as a recorded run saw it: that run's
  // selection and compile commands, without loading the DBs or walking
  // the include graph.
  bool Recordable = !NoPrefilter && !CacheDirPath.empty();
  gup::RunKey Key;
  std::optional<gup::RunRecord> Record;
  std::string RecordWhyNot;
  if (Recordable) {
    Key = gup::runKey(BuildPaths, Cwd, RootDir, Files,
                      gup::migrationKey(Migrations->Specs));
    Record = gup::loadRunRecord(CacheDirPath, Key, RecordWhyNot);
  }

  std::vector<gup::TuJob> Jobs;
  std::string Root;
  size_t TotalTus = 0;
  if (Record) {
    Jobs = Record->sparseJobs();
    Root = Record->Root;
    TotalTus = Record->TusInDbs;
    Phases.Prefilter = Phase.elapsed();
  } else {
    Expected<gup::CompileDbSet> Dbs = gup::CompileDbSet::load(BuildPaths);
    if (!Dbs)
      return fail(toString(Dbs.takeError()));
    Phases.DbLoad = Phase.elapsed();
    Root = RootDir.empty() ? Dbs->firstDatabaseDir() : gup::canonicalPath(RootDir, Cwd);
    TotalTus = Dbs->jobs().size();
    if (Files.empty()) {
      Jobs = Dbs->takeJobs(); // a kernel's are ~80 MB: moved, not copied
    } else {
      Expected<std::vector<gup::TuJob>> Selected = Dbs->jobsFor(Files);
      if (!Selected)
        return fail(toString(Selected.takeError()));
      Jobs = std::move(*Selected);
      for (const gup::TuJob &Job : Jobs)
        if (!gup::isInside(Job.File, Root))
          return fail("'" + Job.File + "' is outside the tree '" + Root + "'");
    }
  }
  if (!sys::fs::is_directory(Root))
    return fail("--root '" + RootDir + "' is not a directory");
  std::string SeriesAuthor;
  if (std::string Why = seriesAuthor(Root, SeriesAuthor); !Why.empty())
    return fail(Why);

  for (const std::string &Name : DisableRule)
    if (!gup::findRuleInfo(Name, Migrations->Specs))
      return fail("--disable-rule=" + Name + ": no such rule (see --list-rules)");

  gup::RunSettings Settings;
  Settings.Migration.TargetKernel = *Target;
  Settings.Migration.Migrations = Migrations->Specs;
  Settings.Migration.DropVmaChecks = DropVmaChecks;
  Settings.Migration.DisabledRules.insert(DisableRule.begin(), DisableRule.end());
  Settings.Migration.Compat = CompatOut.Mode;
  Settings.Root = Root;
  Settings.Migration.TreeRoot = Root;
  CompatOut.Migration = &Settings.Migration;
  Settings.ResourceDir =
      Resources.Dir.empty() ? Resources.Tried.front() : Resources.Dir;
  if (Resources.Dir.empty() &&
      none_of(ExtraArgs, [](StringRef A) { return A.starts_with("-resource-dir"); }))
    errs() << "gup-rewrite: warning: clang's resource directory (builtin "
              "headers such as <stddef.h>) was not found (tried "
           << join(Resources.Tried, ", ")
           << "); a translation unit that includes one may not parse; install "
              "libclang-common-19-dev or pass -- -resource-dir=DIR\n";
  Settings.ExtraArgs = ExtraArgs;
  Settings.FullParse = FullParse;

  gup::ScheduleOptions Schedule;
  Schedule.UsePrefilter = !NoPrefilter;
  Schedule.Workers.Parallel =
      ParallelJobs ? ParallelJobs : std::max(1u, std::thread::hardware_concurrency());
  Schedule.Workers.CrashOn = TestCrashOn;
  Schedule.Progress = !NoProgress && (ShowProgress || isatty(STDERR_FILENO));
  Schedule.SelectOnly = ListTus;
  Schedule.CacheDir = CacheDirPath;
  if (!Shard.empty()) {
    auto [IndexText, CountText] = StringRef(Shard).split('/');
    unsigned Index = 0, Count = 0;
    if (IndexText.getAsInteger(10, Index) || CountText.getAsInteger(10, Count) ||
        Count == 0 || Index == 0 || Index > Count)
      return fail("--shard=" + Shard + ": expected I/N with 1 <= I <= N");
    Schedule.ShardIndex = Index - 1;
    Schedule.ShardCount = Count;
  }
  gup::TuSelection Selection;
  if (Record) {
    Selection = std::move(Record->Selection);
    Selection.Stats.RunRecordReused = true;
    for (const gup::PathStamp &Stamp : Selection.Depends)
      ++(gup::isDirectoryStamp(Stamp) ? Selection.Stats.RunRecordDirectories
         : Stamp.Size < 0                             ? Selection.Stats.RunRecordAbsent
                                                      : Selection.Stats.RunRecordFiles);
    Selection.Depends.clear();
    Record.reset();
  } else {
    Phase.restart();
    Selection = gup::selectTus(Jobs, Settings, Schedule);
    Selection.Stats.RunRecordWhyNot = RecordWhyNot;
    if (Recordable && Selection.Stats.CacheError.empty() &&
        !gup::saveRunRecord(CacheDirPath, Key, Root, TotalTus, Jobs, Selection,
                            Selection.Stats.CacheError))
      Selection.Stats.CacheError = "the run record: " + Selection.Stats.CacheError;
    Selection.Depends.clear();
    if (Schedule.UsePrefilter) {
      // Workers fork from this process: keep only the commands they may
      // need, not the whole DB's.
      std::vector<gup::TuJob> Needed(Jobs.size());
      for (size_t Index : Selection.neededJobs())
        Needed[Index] = std::move(Jobs[Index]);
      Jobs = std::move(Needed);
      malloc_trim(0);
    }
    Phases.Prefilter = Phase.elapsed();
  }
  Phase.restart();
  gup::ScheduleResult Ran = gup::runTus(Jobs, Selection, Settings, Schedule);
  Phases.Workers = Phase.elapsed();
  if (!Ran.Error.empty())
    return fail(Ran.Error);
  if (!Ran.Prefilter.CacheError.empty())
    errs() << "gup-rewrite: note: the prefilter's cache was not saved: "
           << Ran.Prefilter.CacheError << " (--no-cache runs without one)\n";
  if (ListTus) {
    for (size_t Index : Ran.Selected)
      outs() << gup::relativeTo(Jobs[Index].File, Root) << "\n";
    return Done;
  }

  gup::RunIdentity &Run = Found.Run;
  Run.Root = Root;
  for (const std::string &Path : BuildPaths)
    Run.Databases.push_back(gup::canonicalPath(Path, Cwd));
  Run.Files.assign(Files.begin(), Files.end());
  Run.ExtraArgs = ExtraArgs;
  Run.TargetKernel = Settings.Migration.TargetKernel;
  Run.Migrations = Migrations->Selectors;
  Run.DropVmaChecks = DropVmaChecks;
  Run.DisabledRules.assign(DisableRule.begin(), DisableRule.end());
  Run.Compat = CompatOut.Mode == gup::CompatMode::Guard    ? "guard"
               : CompatOut.Mode == gup::CompatMode::Header ? "header"
                                                           : "";
  Run.CompatHeader = CompatOut.HeaderPath;
  Run.Prefilter = !NoPrefilter;
  Run.ShardCount = Schedule.ShardCount;
  Found.Shard = Schedule.ShardIndex + 1;
  Found.TusInDbs = TotalTus;
  Found.TusNamed = Jobs.size();
  Found.Ran = std::move(Ran);
  if (!FindingsOut.empty()) {
    if (Error E = gup::writeFileAtomically(FindingsOut, gup::renderFindings(Found))) {
      errs() << "gup-rewrite: error: " << toString(std::move(E)) << "\n";
      return BadInput;
    }
    if (ShowSummary || (!NoProgress && isatty(STDERR_FILENO))) {
      // What this shard cost; what it found is the merge's to count.
      unsigned Failed = 0;
      for (const auto &[Index, Outcome] : Found.Ran.Outcomes)
        Failed += !Outcome.Failure.empty() || Outcome.Result.Errors > 0;
      errs() << "gup-rewrite: summary (findings only; --merge decides)\n  "
             << left_justify("parsed", 26) << Found.Ran.Outcomes.size() << " of "
             << Found.TusNamed << " TUs (shard " << Found.Shard << "/"
             << Run.ShardCount << "; " << Failed << " failed)\n  "
             << left_justify("wall time", 26)
             << format("%.1f", std::chrono::duration<double>(
                                   std::chrono::steady_clock::now() - WallStart)
                                   .count())
             << " s at -j " << Schedule.Workers.Parallel << "\n";
    }
    return Done;
  }
  return decideAndWrite(Found, CompatOut, Ignored, SeriesAuthor, *Migrations,
                        Schedule.Workers.Parallel, WallStart, Phases);
}

namespace {

/// The decision and the output, the same for a run and for the merge of its
/// shards: the plan over every TU's outcome, in DB order, then stderr and
/// the mode's output. \p Parallel is the run's -j (0 for a merge).
int decideAndWrite(gup::RunFindings &Found, gup::CompatRequest CompatOut,
                   const std::vector<GlobPattern> &Ignored,
                   const std::string &SeriesAuthor,
                   const gup::MigrationSelection &Migrations, unsigned Parallel,
                   std::chrono::steady_clock::time_point WallStart,
                   gup::RunPhases Phases) {
  const std::string &Root = Found.Run.Root;
  gup::ScheduleResult &Ran = Found.Ran;
  // What the prefilter looked for: the GUP family (the default run), or the
  // APIs of the selected migrations.
  bool GupOnly = Migrations.Specs.size() == 1 &&
                 Migrations.Specs.front() == &gup::gupVmasMigration();
  // A shard alone sees part of the run: what no TU read, and which APIs
  // are held back, only the merge of all shards knows.
  bool PartOfRun = Found.Run.ShardCount > 1 && !Found.MergedShards;
  // Merged in DB order, whatever order the workers finished in.
  gup::PhaseTimer Phase;
  gup::ChangePlan Plan;
  Plan.setCompat(CompatOut.Mode);
  for (const std::string &Api : ForceApi)
    Plan.forceApi(Api);
  int Status = Done;
  unsigned Parsed = 0, Failed = 0, Crashed = 0, OutsideRoot = 0;
  std::map<std::string, std::string> DroppedFlags; // flag -> first TU
  std::set<std::string> FilesSeen;
  std::set<std::string> NamedAlready; // not named again as unread
  unsigned BodiesParsed = 0, BodiesSkipped = 0;
  for (auto &[Index, Outcome] : Ran.Outcomes) {
    gup::TuResult &Result = Outcome.Result;
    Phases.Workers.Cpu += Outcome.CpuSeconds;
    Phases.ParseCpu += Result.ParseCpuSeconds;
    Phases.MatchCpu += Result.MatchCpuSeconds;
    BodiesParsed += Result.BodiesParsed;
    BodiesSkipped += Result.BodiesSkipped;
    if (!Outcome.Failure.empty()) {
      ++Crashed;
      NamedAlready.insert(Result.File);
      Status = NeedsAttention;
      errs() << gup::relativeTo(Result.File, Root) << ": error: the worker parsing "
             << "this file " << Outcome.Failure << "; its sites are missing, the "
             << "other files' edits are kept [gup-rewrite]\n";
      continue;
    }
    for (const std::string &Flag : Result.DroppedFlags)
      DroppedFlags.emplace(Flag, Result.File);
    OutsideRoot += Result.OutsideRootSites;
    FilesSeen.insert(Result.FilesSeen.begin(), Result.FilesSeen.end());
    std::string Shown = gup::relativeTo(Result.File, Root);
    if (Result.Errors > 0) {
      ++Failed;
      Status = NeedsAttention;
      for (const std::string &Line : Result.ErrorLines)
        errs() << Line << "\n";
      errs() << Shown << ": error: " << Result.Errors
             << (Result.Errors == 1 ? " error" : " errors") << " while parsing; "
             << (AllowErrors ? "its edits are kept (--allow-errors)"
                             : "its edits were dropped (--allow-errors keeps them)")
             << " [gup-rewrite]\n";
      if (!AllowErrors)
        continue;
    }
    if (Result.Parsed)
      ++Parsed;
    for (gup::SiteRecord &Site : Result.Sites)
      Plan.addSite(std::move(Site));
    for (const gup::FileSnapshot &Snapshot : Result.Snapshots)
      Plan.addSnapshot(Snapshot);
  }
  std::set<std::string> UnreadHeaders;
  for (const gup::ScheduleResult::UnreadHeader &U : Ran.UnreadHeaders)
    UnreadHeaders.insert(U.Header);
  for (const std::string &Header : UnreadHeaders) {
    errs() << gup::relativeTo(Header, Root) << ": warning: names "
           << (GupOnly ? "a GUP function" : "an API of the selected migrations")
           << ", but none of the translation "
              "units the prefilter tried reads it in this configuration; its "
              "sites were not looked for (--no-prefilter parses every TU) "
              "[gup-rewrite]\n";
    Status = NeedsAttention;
    NamedAlready.insert(Header);
  }
  // Files of the tree that use the family and that no TU read (another
  // architecture's code): their calls keep the old API while the
  // prototypes change, so each is a warning unless left out on purpose.
  std::vector<gup::UnreadFile> Unread;
  std::vector<const gup::UnreadFile *> UnreadWarned;
  if (!PartOfRun)
    Unread = gup::scanUnreadFiles(FilesSeen, Root, Migrations.Specs);
  unsigned UnreadIgnored = 0;
  for (const gup::UnreadFile &F : Unread) {
    const gup::FamilyMention *First = F.firstToMigrate();
    if (!First || NamedAlready.count(F.Path))
      continue;
    std::string Shown = gup::relativeTo(F.Path, Root);
    if (llvm::any_of(Ignored, [&](const GlobPattern &G) { return G.match(Shown); })) {
      ++UnreadIgnored;
      continue;
    }
    UnreadWarned.push_back(&F);
    errs() << Shown << ":" << First->Line << ":" << First->Column << ": warning: "
           << gup::describeUnread(F) << " [gup-rewrite]\n";
    Status = NeedsAttention;
  }
  if (UnreadIgnored)
    errs() << "gup-rewrite: note: " << UnreadIgnored
           << (UnreadIgnored == 1 ? " file" : " files")
           << " that no TU read and that use the family left out on purpose "
              "(--ignore-unread)\n";
  if (PartOfRun)
    errs() << "gup-rewrite: note: shard " << Found.Shard << "/"
           << Found.Run.ShardCount << " sees part of the run: the files no TU "
           << "read are named when the shards' --findings are merged "
              "(--merge)\n";
  for (const auto &[Flag, File] : DroppedFlags)
    errs() << "gup-rewrite: note: dropped compiler flag '" << Flag
           << "' that clang rejects (first seen in "
           << gup::relativeTo(File, Root) << ")\n";

  // The series computes its own states from the plan before it is final.
  std::optional<gup::ChangePlan> Unfinalized;
  if (!Series.empty())
    Unfinalized = Plan;
  Plan.finalize();

  // Everything a human must look at goes to stderr, compiler style.
  // Sites in code this build does not compile are listed even when fixed.
  // (Not those another compile DB parsed: its site says it all.)
  // Rewrites that change behaviour get a note a reviewer can find.
  for (const gup::SiteRecord &Site : Plan.sites()) {
    if (Site.Rule == gup::SkippedCode::Rule && Site.Kind == gup::FindingKind::Rewrite &&
        !Plan.madeByAnotherRule(Site))
      errs() << gup::relativeTo(Site.Path, Root) << ":" << Site.Line << ":"
             << Site.Column << ": note: " << Site.Message
             << (Plan.applies(Site) ? " (fixed)"
                                    : " (NOT FIXED: " + Site.Api + "() is held back)")
             << " [gup-rewrite]\n";
    if (!Site.ReviewNote.empty() && Plan.applies(Site))
      errs() << gup::relativeTo(Site.Path, Root) << ":" << Site.Line << ":"
             << Site.Column << ": note: " << Site.ReviewNote << " [gup-rewrite]\n";
  }
  for (const gup::SiteRecord &Site : Plan.sites())
    if (Site.Kind == gup::FindingKind::NeedsAttention ||
        Site.Kind == gup::FindingKind::Report) {
      errs() << gup::relativeTo(Site.Path, Root) << ":" << Site.Line << ":"
             << Site.Column << ": warning: " << Site.Message << " [gup-rewrite]\n";
      Status = NeedsAttention;
    }
  for (const auto &[Api, Sites] : Plan.blockedApis()) {
    unsigned Direct = 0;
    std::set<std::string> Through;
    bool OfSpec = false; // a spec's parameter, not GUP's vmas array
    for (const gup::SiteRecord *Site : Sites) {
      if (Site->Kind == gup::FindingKind::NeedsAttention) {
        ++Direct;
        continue;
      }
      for (const std::string &Needed : Site->Requires)
        if (Plan.blockedApis().count(Needed)) {
          Through.insert(Needed + "()");
          OfSpec |= !Site->Migration.empty();
        }
    }
    errs() << "gup-rewrite: warning: " << Api << "() was not migrated: ";
    if (Direct)
      errs() << Direct << (Direct == 1 ? " site needs" : " sites need")
             << " a human (listed above)";
    if (!Through.empty()) {
      errs() << (Direct ? "; " : "")
             << (OfSpec ? "it receives the removed parameter of " : "it receives the vmas array of ");
      bool First = true;
      for (const std::string &Name : Through) {
        errs() << (First ? "" : ", ") << Name;
        First = false;
      }
      errs() << ", which " << (Through.size() == 1 ? "is" : "are") << " held back";
    }
    if (Direct)
      errs() << "; --force-api=" << Api << " migrates the others anyway";
    errs() << " [gup-rewrite]\n";
  }
  for (const auto &[Api, Sites] : Plan.forcedApis())
    errs() << "gup-rewrite: warning: " << Api << "() was migrated although "
           << Sites.size() << (Sites.size() == 1 ? " site was" : " sites were")
           << " left for a human (--force-api); they will not compile until "
              "fixed [gup-rewrite]\n";
  for (const gup::ChangePlan::Conflict &C : Plan.conflicts()) {
    errs() << gup::relativeTo(C.First.Path, Root)
           << ": warning: conflicting edits: " << C.FirstRule << " changes bytes "
           << C.First.Offset << "-" << C.First.Offset + C.First.Length << " and "
           << C.SecondRule << " changes bytes " << C.Second.Offset << "-"
           << C.Second.Offset + C.Second.Length
           << " differently (sites reached from several TUs or configurations "
              "disagree); the file was left unchanged [gup-rewrite]\n";
    Status = NeedsAttention;
  }
  for (const std::string &Path : Plan.inconsistentFiles()) {
    errs() << gup::relativeTo(Path, Root)
           << ": warning: the file changed while gup-rewrite ran; it was "
              "left unchanged [gup-rewrite]\n";
    Status = NeedsAttention;
  }

  // Another shard migrates what this one holds back: merged with
  // clang-apply-replacements, the tree would not build.
  bool Edits = !Report && FindingsOut.empty();
  if (PartOfRun && Edits && !Plan.blockedApis().empty()) {
    errs() << "gup-rewrite: error: shard " << Found.Shard << "/" << Found.Run.ShardCount
           << " holds " << Plan.blockedApis().begin()->first
           << "() back, which the other shards migrate in their TUs: merged "
              "file by file, the tree would not build, so nothing was written. "
              "Write each shard's --findings and merge them with gup-rewrite "
              "--merge, which holds it back everywhere (or fix the sites "
              "listed above)\n";
    return BadInput;
  }

  Phases.Plan = Phase.elapsed();
  Phase.restart();
  std::vector<std::string> Problems;
  std::optional<gup::ChangedFile> CompatHeader;
  if (CompatOut.Mode != gup::CompatMode::None) {
    CompatOut.Root = Root;
    CompatHeader = gup::composeCompat(Plan, CompatOut, Problems);
  }
  std::vector<gup::ChangedFile> Changes = gup::computeChanges(Plan, Problems);
  gup::ChangeFormatter Formatter(Root);
  Formatter.renderAll(Plan, Changes);
  if (CompatHeader)
    Changes.push_back(std::move(*CompatHeader));
  for (const std::string &P : Formatter.problems())
    Problems.push_back(P);
  for (const std::string &P : Problems) {
    errs() << gup::relativeTo(P, Root) << "\n";
    Status = NeedsAttention;
  }

  if (!Series.empty()) {
    gup::SeriesOptions Options;
    Options.Dir = Series;
    Options.Root = Root;
    Options.From = SeriesAuthor;
    Options.Signoff = SeriesSignoff;
    Options.Migrations = Migrations.Specs;
    Options.Render = [&Formatter](const std::string &Path, StringRef Original,
                                  const std::vector<gup::FileEdit> &Edits) {
      return Formatter.render(Path, Original, Edits);
    };
    // The cover letter summarises what this configuration could not see.
    Options.Coverage = gup::renderCoverage(Plan, Unread, Root);
    std::vector<std::string> SeriesProblems;
    Expected<std::vector<gup::SeriesPatch>> Written =
        gup::writeSeries(*Unfinalized, Options, SeriesProblems);
    for (const std::string &P : SeriesProblems) {
      errs() << gup::relativeTo(P, Root) << "\n";
      Status = NeedsAttention;
    }
    if (!Written) {
      errs() << "gup-rewrite: error: " << toString(Written.takeError()) << "\n";
      return BadInput;
    }
    errs() << "gup-rewrite: wrote a series of " << Written->size()
           << (Written->size() == 1 ? " patch" : " patches")
           << " and a cover letter to " << Series << "\n";
  } else if (Report) {
    if (ReportFormat == "json")
      outs() << gup::renderReportJson(Plan, Changes, UnreadWarned, Root);
    else if (ReportFormat == "sarif")
      outs() << gup::renderReportSarif(Plan, Changes, UnreadWarned, Root,
                                          Migrations.Specs);
    else
      outs() << gup::renderReport(Plan, UnreadWarned, Root);
  } else if (!ExportFixes.empty()) {
    if (Error E = gup::writeFileAtomically(ExportFixes,
                                           gup::renderFixesYaml(Plan, Changes,
                                                                Migrations.Specs))) {
      errs() << "gup-rewrite: error: " << toString(std::move(E)) << "\n";
      return BadInput;
    }
  } else if (InPlace) {
    if (Error E = gup::writeInPlace(Changes)) {
      errs() << "gup-rewrite: error: " << toString(std::move(E)) << "\n";
      Status = NeedsAttention;
    }
  } else {
    outs() << gup::renderDiff(Changes, Root);
  }

  if (!CoverageReport.empty()) {
    std::string Text = gup::renderCoverage(Plan, Unread, Root);
    if (Error E = gup::writeFileAtomically(CoverageReport, Text)) {
      errs() << "gup-rewrite: error: " << toString(std::move(E)) << "\n";
      return BadInput;
    }
    errs() << "gup-rewrite: coverage report written to " << CoverageReport << "\n";
  }

  Phases.Output = Phase.elapsed();
  if (OutsideRoot > 0)
    errs() << "gup-rewrite: note: " << OutsideRoot
           << " site(s) outside the tree '" << Root << "' left alone\n";
  if (ShowSummary || (!NoProgress && isatty(STDERR_FILENO))) {
    // One block, in the order a user asks: how much, how fast, what found.
    double Wall = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                WallStart)
                      .count();
    std::map<std::string, unsigned> PerRule;
    unsigned NeedHuman = 0, Reports = 0;
    for (const gup::SiteRecord &Site : Plan.sites()) {
      ++PerRule[Site.Rule];
      NeedHuman += Site.Kind == gup::FindingKind::NeedsAttention;
      Reports += Site.Kind == gup::FindingKind::Report;
    }
    auto Row = [](StringRef Name) -> raw_ostream & {
      return errs() << "  " << left_justify(Name, 26);
    };
    errs() << "gup-rewrite: summary\n";
    Row("TUs in the compile DBs") << Found.TusInDbs << "\n";
    if (Found.TusNamed != Found.TusInDbs)
      Row("TUs named on the command") << Found.TusNamed << "\n";
    if (!Found.Run.Prefilter) {
      Row("skipped by the prefilter") << "0 (--no-prefilter)\n";
    } else {
      const gup::PrefilterStats &PS = Ran.Prefilter;
      if (PS.RunRecordReused) {
        Row("prefilter") << "run record reused (" << PS.RunRecordFiles
                         << " files unchanged, " << PS.RunRecordAbsent
                         << " include paths still absent, " << PS.RunRecordDirectories
                         << " directories without the others unchanged)\n";
      } else {
        if (!PS.RunRecordWhyNot.empty())
          Row("prefilter") << "run record not reused: "
                           << gup::relativeTo(PS.RunRecordWhyNot, Root) << "\n";
        Row("scanned by the prefilter")
            << PS.MainFiles << " main files, " << PS.Headers << " headers in "
            << format("%.1f", PS.Seconds) << " s\n";
      }
      if (PS.CacheUsed)
        Row("prefilter cache") << PS.FromStat << " files unchanged, " << PS.FromHash
                               << " re-read but the same, " << PS.Lexed << " scanned\n";
      Row("skipped by the prefilter") << Found.TusNamed - Ran.Survivors << "\n";
      Row("kept by the prefilter")
          << Ran.Survivors << " (" << PS.MainFileHits
          << (GupOnly ? " name the family, " : " name a migrated API, ") << PS.HeaderOnly
          << " for a header that does; " << PS.GupMacros
          << (GupOnly ? " GUP macros)\n" : " macros that expand to one)\n");
    }
    if (Found.MergedShards)
      Row("shards merged") << Found.MergedShards << "\n";
    else if (PartOfRun)
      Row("in this shard") << Ran.InShard << " (shard " << Found.Shard << "/"
                           << Found.Run.ShardCount << ")\n";
    Row("parsed") << Ran.Outcomes.size() << " (" << Failed << " with errors, "
                  << Crashed << " crashed";
    if (Ran.Fallbacks)
      errs() << ", " << Ran.Fallbacks << " for a header the first choice did not read";
    errs() << ")\n";
    if (FullParse)
      Row("function bodies") << "all parsed (--full-parse)\n";
    else
      Row("function bodies") << BodiesParsed << " parsed, " << BodiesSkipped
                             << " skipped (cannot hold a site)\n";
    Row("sites per rule") << (PerRule.empty() ? "(none)" : "") << "\n";
    for (const auto &[Rule, Count] : PerRule)
      errs() << "    " << left_justify(Rule, 24) << Count << "\n";
    Row("diagnostics") << NeedHuman << " sites need a human, " << Reports
                       << " reported, " << Plan.conflicts().size()
                       << " conflicts, " << Failed + Crashed << " TUs failed";
    if (!UnreadWarned.empty())
      errs() << ", " << UnreadWarned.size() << " files no TU read";
    errs() << "\n";
    Row("wall time") << format("%.1f", Wall);
    if (Parallel)
      errs() << " s at -j " << Parallel << "\n";
    else
      errs() << " s (the merge; the shards' parsing is not counted)\n";
    if (Ran.PeakRssKiB)
      Row("peak worker RSS") << Ran.PeakRssKiB / 1024 << " MiB ("
                             << gup::relativeTo(Ran.PeakRssFile, Root) << ")\n";
    gup::printPhases(errs(), Phases);
  }
  (void)Parsed;
  return Status;
}

} // namespace
