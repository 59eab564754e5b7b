//===- Series.cpp - The migration as a bisectable patch series ------------===//
#include "Series.h"

#include "Paths.h"
#include "UnifiedDiff.h"

#include "GupApi.h"
#include "MigrationSpec.h"
#include "SkippedCode.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>

namespace gup {
namespace {

constexpr unsigned BodyWidth = 75;
constexpr unsigned SubjectWidth = 75;

/// The order of the upstream series: each public API gets its own patch.
const char *const PublicOrder[] = {"get_user_pages", "pin_user_pages_remote",
                                   "get_user_pages_remote", "pin_user_pages"};

struct Unit {
  /// Spec: the whole of a migration other than gup-vmas.
  enum Kind { Users, Api, Plumbing, Spec } K;
  std::string Name;               ///< the public API (Users, Api)
  std::set<std::string> Apis;     ///< APIs first migrated in this unit
  std::set<std::string> Interim;  ///< APIs whose users are migrated from here
  const MigrationSpec *Migration = nullptr; ///< Spec
};

/// The migration a site belongs to (Finding::Migration; empty: gup-vmas).
llvm::StringRef migrationOf(const SiteRecord &Site) {
  return Site.Migration.empty() ? llvm::StringRef(gupVmasMigration().Id)
                                : llvm::StringRef(Site.Migration);
}

std::unique_ptr<ChangePlan> stateFor(const ChangePlan &Base,
                                     const std::set<std::string> &Universe,
                                     const std::set<std::string> &Allowed,
                                     const std::set<std::string> &Interim) {
  auto Plan = std::make_unique<ChangePlan>(Base);
  for (const std::string &Api : Universe)
    if (!Allowed.count(Api))
      Plan->holdBack(Api);
  for (const std::string &Api : Interim)
    Plan->useInterimEdits(Api);
  Plan->finalize();
  return Plan;
}

/// Words of \p Text re-flowed into lines of at most BodyWidth columns; the
/// first line starts with \p First, the others with \p Rest.
void wrapInto(std::string &Out, llvm::StringRef Text, llvm::StringRef First,
              llvm::StringRef Rest) {
  llvm::SmallVector<llvm::StringRef, 32> Words;
  Text.split(Words, ' ', -1, /*KeepEmpty=*/false);
  std::string Line = First.str();
  bool Empty = true;
  for (llvm::StringRef W : Words) {
    if (!Empty && Line.size() + 1 + W.size() > BodyWidth) {
      Out += Line + "\n";
      Line = Rest.str();
      Empty = true;
    }
    if (!Empty)
      Line += " ";
    Line += W.str();
    Empty = false;
  }
  Out += Line + "\n";
}

void paragraph(std::string &Out, llvm::StringRef Text) {
  wrapInto(Out, Text, "", "");
  Out += "\n";
}

void bullet(std::string &Out, llvm::StringRef Text) { wrapInto(Out, Text, "- ", "  "); }

std::string calls(llvm::StringRef Api) { return (Api + "()").str(); }

std::string listNames(const std::vector<std::string> &Names) {
  std::string S;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I)
      S += I + 1 == Names.size() ? (Names.size() > 2 ? ", and " : " and ") : ", ";
    S += Names[I];
  }
  return S;
}

/// `<subsystem prefix>` from the paths a patch touches: the core's files
/// make it mm/gup; otherwise their common directory (without drivers/),
/// with the file's name when one file of a top-level directory changes.
std::string subsystemPrefix(const std::vector<std::string> &RelPaths) {
  for (const std::string &P : RelPaths)
    if (P == "mm/gup.c" || P == "include/linux/mm.h")
      return "mm/gup";
  if (RelPaths.empty())
    return "mm/gup";
  llvm::SmallVector<llvm::StringRef, 8> Common;
  llvm::StringRef(RelPaths.front()).split(Common, '/');
  Common.pop_back(); // the file name
  for (const std::string &P : RelPaths) {
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    llvm::StringRef(P).split(Parts, '/');
    Parts.pop_back();
    size_t N = 0;
    while (N < Common.size() && N < Parts.size() && Common[N] == Parts[N])
      ++N;
    Common.resize(N);
  }
  if (!Common.empty() && Common.front() == "drivers")
    Common.erase(Common.begin());
  std::string Prefix = llvm::join(Common, "/");
  llvm::StringRef Stem = llvm::sys::path::stem(RelPaths.front());
  if (Prefix.empty())
    return Stem.str();
  if (RelPaths.size() == 1 && Common.size() == 1)
    Prefix += "/" + Stem.str();
  return Prefix;
}

std::string subjectFor(const std::vector<std::string> &RelPaths,
                       llvm::StringRef Summary) {
  std::string Prefix = subsystemPrefix(RelPaths);
  std::string Subject = Prefix + ": " + Summary.str();
  if (Subject.size() > SubjectWidth) {
    // A deep directory: its last component names the subsystem well enough.
    Prefix = llvm::sys::path::filename(Prefix).str();
    Subject = Prefix + ": " + Summary.str();
  }
  return Subject;
}

/// git format-patch's file name: the subject with runs of other characters
/// turned into '-', at most 52 of them.
std::string patchFileName(unsigned Number, llvm::StringRef Subject) {
  std::string Slug;
  for (char C : Subject) {
    if (llvm::isAlnum(C) || C == '_' || C == '.')
      Slug += C;
    else if (!Slug.empty() && Slug.back() != '-')
      Slug += '-';
  }
  if (Slug.size() > 52)
    Slug.resize(52);
  while (!Slug.empty() && (Slug.back() == '-' || Slug.back() == '.'))
    Slug.pop_back();
  std::string Name;
  llvm::raw_string_ostream(Name) << llvm::format_decimal(Number, 4) << "-" << Slug
                                 << ".patch";
  for (char &C : Name)
    if (C == ' ')
      C = '0';
  return Name;
}

struct FileDiff {
  std::string Path; ///< relative
  std::string Text;
  unsigned Added = 0, Removed = 0;
};

FileDiff diffOf(const std::string &Rel, llvm::StringRef Old, llvm::StringRef New) {
  FileDiff D{Rel, unifiedDiff(Rel, Old, New), 0, 0};
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(D.Text).split(Lines, '\n');
  bool InHunk = false;
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("@@"))
      InHunk = true;
    else if (L.starts_with("diff --git"))
      InHunk = false;
    else if (InHunk && L.starts_with("+"))
      ++D.Added;
    else if (InHunk && L.starts_with("-"))
      ++D.Removed;
  }
  return D;
}

/// git's diffstat: one line per file, then the totals.
std::string diffstat(const std::vector<FileDiff> &Diffs) {
  size_t NameWidth = 0, Max = 0, CountWidth = 1;
  unsigned Added = 0, Removed = 0;
  for (const FileDiff &D : Diffs) {
    NameWidth = std::max(NameWidth, D.Path.size());
    Max = std::max<size_t>(Max, D.Added + D.Removed);
    Added += D.Added;
    Removed += D.Removed;
  }
  CountWidth = std::to_string(Max).size();
  // Keep each line within 72 columns, as git does for an 80-column mail.
  size_t GraphWidth = 72 > NameWidth + CountWidth + 4 ? 72 - NameWidth - CountWidth - 4 : 10;
  GraphWidth = std::max<size_t>(GraphWidth, 10);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  for (const FileDiff &D : Diffs) {
    size_t Plus = D.Added, Minus = D.Removed;
    if (Max > GraphWidth) {
      Plus = (D.Added * GraphWidth + Max - 1) / Max;
      Minus = (D.Removed * GraphWidth + Max - 1) / Max;
    }
    OS << " " << D.Path << std::string(NameWidth - D.Path.size(), ' ') << " | "
       << llvm::right_justify(std::to_string(D.Added + D.Removed), CountWidth);
    if (D.Added + D.Removed)
      OS << " " << std::string(Plus, '+') << std::string(Minus, '-');
    OS << "\n";
  }
  OS << " " << Diffs.size() << (Diffs.size() == 1 ? " file changed" : " files changed");
  if (Added)
    OS << ", " << Added << (Added == 1 ? " insertion(+)" : " insertions(+)");
  if (Removed)
    OS << ", " << Removed << (Removed == 1 ? " deletion(-)" : " deletions(-)");
  OS << "\n";
  return Out;
}

std::string dateHeader(const SeriesOptions &Options) {
  if (!Options.Date.empty())
    return Options.Date;
  std::time_t Now = std::time(nullptr);
  // Reproducible output when the caller asks for it (reproducible-builds.org).
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH"))
    Now = static_cast<std::time_t>(std::strtoll(Epoch, nullptr, 10));
  char Buf[64];
  std::tm Tm;
  gmtime_r(&Now, &Tm);
  std::strftime(Buf, sizeof Buf, "%a, %d %b %Y %H:%M:%S +0000", &Tm);
  return Buf;
}

std::string siteLine(const SiteRecord &Site, const std::string &Root) {
  return relativeTo(Site.Path, Root) + ":" + std::to_string(Site.Line) + ": " +
         Site.Message;
}

} // namespace

bool isValidIdentity(llvm::StringRef From) {
  From = From.trim();
  size_t Open = From.rfind('<');
  if (Open == llvm::StringRef::npos || Open == 0 || !From.ends_with(">"))
    return false;
  llvm::StringRef Name = From.take_front(Open).trim();
  llvm::StringRef Address = From.slice(Open + 1, From.size() - 1);
  return !Name.empty() && Address.contains('@') && !Address.contains(' ') &&
         !Address.starts_with("@") && !Address.ends_with("@") &&
         !Name.contains('<') && !Name.contains('>') && !From.contains('\n');
}

llvm::Expected<std::vector<SeriesPatch>>
writeSeries(const ChangePlan &Unfinalized, const SeriesOptions &Options,
            std::vector<std::string> &Problems) {
  const std::string &Root = Options.Root;
  // Every API the plan knows of, and the final state (everything allowed).
  std::set<std::string> Universe;
  std::map<std::string, std::set<std::string>> ApisOf; // by migration id
  for (const SiteRecord &Site : Unfinalized.sites()) {
    std::set<std::string> &Mine = ApisOf[migrationOf(Site).str()];
    for (std::set<std::string> *Into : {&Universe, &Mine}) {
      if (!Site.Api.empty())
        Into->insert(Site.Api);
      Into->insert(Site.Requires.begin(), Site.Requires.end());
      if (!Site.OnlyIfBlocked.empty())
        Into->insert(Site.OnlyIfBlocked);
    }
  }
  std::vector<const MigrationSpec *> Migrations = Options.Migrations;
  if (Migrations.empty())
    Migrations.push_back(&gupVmasMigration());
  // What the other migrations' units take; the GUP plumbing takes the rest.
  std::set<std::string> OtherApis;
  for (const MigrationSpec *Spec : Migrations)
    if (Spec->Id != gupVmasMigration().Id)
      OtherApis.insert(ApisOf[Spec->Id].begin(), ApisOf[Spec->Id].end());
  std::unique_ptr<ChangePlan> Final = stateFor(Unfinalized, Universe, Universe, {});
  auto BlockedAtEnd = [&](const std::string &Api) {
    return Final->blockedApis().count(Api) > 0;
  };

  // The units, in order; each state allows the APIs of the units so far.
  std::vector<Unit> Units;
  std::set<std::string> Allowed, Interim;
  std::vector<std::unique_ptr<ChangePlan>> States;
  States.push_back(stateFor(Unfinalized, Universe, Allowed, Interim));
  auto AddUnit = [&](Unit U) {
    std::set<std::string> Now = Allowed;
    Now.insert(U.Apis.begin(), U.Apis.end());
    std::set<std::string> NowInterim = Interim;
    NowInterim.insert(U.Interim.begin(), U.Interim.end());
    std::unique_ptr<ChangePlan> Plan;
    // An allowed API still held back through a site that requires another
    // API (a static wrapper passing its own vmas parameter) pulls that API
    // into this unit: the wrapper goes with its first user.
    while (true) {
      Plan = stateFor(Unfinalized, Universe, Now, NowInterim);
      std::set<std::string> Pulled;
      for (const SiteRecord &Site : Plan->sites())
        if (Now.count(Site.Api) && !BlockedAtEnd(Site.Api) && Plan->isHeldBack(Site.Api))
          for (const std::string &Needed : Site.Requires)
            if (!Now.count(Needed))
              Pulled.insert(Needed);
      if (Pulled.empty())
        break;
      Now.insert(Pulled.begin(), Pulled.end());
      U.Apis.insert(Pulled.begin(), Pulled.end());
    }
    Allowed = std::move(Now);
    Interim = std::move(NowInterim);
    Units.push_back(std::move(U));
    States.push_back(std::move(Plan));
  };

  auto AddGupUnits = [&] {
    std::vector<std::string> Order(std::begin(PublicOrder), std::end(PublicOrder));
    for (const GupFunction &F : gupFamily())
      if (F.Public && !llvm::is_contained(Order, F.Name.str()))
        Order.push_back(F.Name.str());
    for (const std::string &Api : Order) {
      if (!Universe.count(Api) || Allowed.count(Api))
        continue;
      bool HasUsers = llvm::any_of(Unfinalized.sites(), [&](const SiteRecord &S) {
        return S.Api == Api && !S.InterimEdits.empty() && S.Kind == FindingKind::Rewrite;
      });
      if (HasUsers)
        AddUnit({Unit::Users, Api, {}, {Api}});
      AddUnit({Unit::Api, Api, {Api}, {}});
    }
    Unit Plumbing{Unit::Plumbing, "", {}, {}};
    for (const std::string &Api : Universe)
      if (!Allowed.count(Api) && !OtherApis.count(Api))
        Plumbing.Apis.insert(Api);
    AddUnit(std::move(Plumbing));
  };
  for (const MigrationSpec *Spec : Migrations) {
    if (Spec->Id == gupVmasMigration().Id) {
      AddGupUnits();
      continue;
    }
    Unit U{Unit::Spec, Spec->Id, {}, {}};
    U.Migration = Spec;
    for (const std::string &Api : ApisOf[Spec->Id])
      if (!Allowed.count(Api))
        U.Apis.insert(Api);
    AddUnit(std::move(U));
  }

  // The content of every file in every state.
  std::map<std::string, std::string> Originals;
  std::set<std::string> Unreadable;
  auto ReadOriginal = [&](const std::string &Path) -> const std::string * {
    if (Unreadable.count(Path))
      return nullptr;
    auto It = Originals.find(Path);
    if (It != Originals.end())
      return &It->second;
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    const FileSnapshot *Seen = Final->snapshot(Path);
    llvm::StringRef Content = Buffer ? (*Buffer)->getBuffer() : "";
    if (!Buffer || !Seen || Seen->Hash != hashContent(Content) ||
        Seen->Size != Content.size()) {
      Problems.push_back(Path + ": error: " +
                         (Buffer ? std::string("the file changed on disk after it was parsed")
                                 : "cannot read: " + Buffer.getError().message()) +
                         "; left out of the series");
      Unreadable.insert(Path);
      return nullptr;
    }
    return &Originals.emplace(Path, Content.str()).first->second;
  };
  // State 0 is the tree as it is: edits that no API holds back (none of
  // the family's) go into the first patch.
  std::vector<std::map<std::string, std::string>> Contents;
  for (size_t I = 0; I < States.size(); ++I) {
    const std::unique_ptr<ChangePlan> &State = States[I];
    std::map<std::string, std::string> Files;
    if (I == 0) {
      Contents.push_back(std::move(Files));
      continue;
    }
    for (const auto &[Path, Edits] : State->edits()) {
      const std::string *Original = ReadOriginal(Path);
      if (!Original)
        continue;
      Files[Path] = Options.Render ? Options.Render(Path, *Original, Edits)
                                   : ChangePlan::apply(*Original, Edits);
    }
    Contents.push_back(std::move(Files));
  }
  auto ContentIn = [&](size_t State, const std::string &Path) -> const std::string & {
    auto It = Contents[State].find(Path);
    return It != Contents[State].end() ? It->second : Originals[Path];
  };
  for (size_t I = 1; I < States.size(); ++I)
    for (const ChangePlan::Conflict &C : States[I]->conflicts())
      if (!llvm::any_of(Final->conflicts(), [&](const ChangePlan::Conflict &F) {
            return F.First == C.First && F.Second == C.Second;
          }))
        Problems.push_back(C.First.Path + ": error: conflicting edits in an "
                                          "intermediate state of the series; that "
                                          "patch leaves the file unchanged");

  // One patch per unit that changes something.
  struct Patch {
    const Unit *U;
    std::string Subject, Body, Diffstat, Diff;
  };
  std::vector<Patch> Patches;
  for (size_t I = 0; I < Units.size(); ++I) {
    const Unit &U = Units[I];
    const ChangePlan &Before = *States[I], &After = *States[I + 1];
    std::set<std::string> Paths;
    for (const auto &Files : {Contents[I], Contents[I + 1]})
      for (const auto &[Path, Text] : Files)
        Paths.insert(Path);
    std::vector<FileDiff> Diffs;
    std::vector<std::string> RelPaths;
    std::string Diff;
    for (const std::string &Path : Paths) {
      const std::string &Old = ContentIn(I, Path), &New = ContentIn(I + 1, Path);
      if (Old == New)
        continue;
      std::string Rel = relativeTo(Path, Root);
      Diffs.push_back(diffOf(Rel, Old, New));
      RelPaths.push_back(Rel);
      Diff += Diffs.back().Text;
    }
    if (Diffs.empty())
      continue;

    // What this patch does, by rule, and what a human should look at.
    std::map<std::string, unsigned> ByRule;
    std::vector<std::string> Look;
    std::set<std::string> Helpers, Internals;
    for (const SiteRecord &Site : After.sites()) {
      bool First = I == 0; // state 0 is the unchanged tree
      bool Now = (After.applies(Site) && (First || !Before.applies(Site))) ||
                 (After.appliesInterim(Site) && (First || !Before.appliesInterim(Site)));
      if (Now && !Site.Edits.empty()) {
        ++ByRule[Site.Rule];
        if (Site.Rule == SkippedCode::Rule)
          Look.push_back(siteLine(Site, Root) +
                         " (in code this build does not compile: check it)");
      }
      if (Now && U.K == Unit::Plumbing && !Site.Api.empty()) {
        if (findGupFunction(Site.Api))
          Internals.insert(calls(Site.Api));
        else
          Helpers.insert(calls(Site.Api));
      }
      bool Mine = U.Apis.count(Site.Api) || (U.K == Unit::Users && Site.Api == U.Name);
      if (Mine && (Site.Kind == FindingKind::NeedsAttention ||
                   Site.Kind == FindingKind::Report))
        Look.push_back(siteLine(Site, Root));
    }

    Patch P;
    P.U = &U;
    std::string &B = P.Body;
    std::string Api = calls(U.Name);
    switch (U.K) {
    case Unit::Users: {
      P.Subject = subjectFor(RelPaths, "stop using the vmas array of " + Api);
      paragraph(B, "The vmas parameter of " + Api + " goes away (Linux 6.5): "
                   "the VMA pointers it stored are valid only while mmap_lock "
                   "stays held, which callers cannot be trusted to honour. "
                   "Callers that read the array now look the VMA up "
                   "themselves with vma_lookup() under the lock, or drop "
                   "checks that GUP makes itself, and pass NULL; the next "
                   "patch removes the parameter.");
      break;
    }
    case Unit::Api: {
      P.Subject = subjectFor(RelPaths, "drop the vmas parameter of " + Api);
      paragraph(B, "No caller needs the VMAs " + Api + " can return: the "
                   "pointers are valid only while mmap_lock stays held, and "
                   "the callers that read them now look the VMA up with "
                   "vma_lookup() (or get_user_page_vma_remote()) instead. "
                   "Remove the parameter from the prototype, the definition "
                   "and every caller, as Linux 6.5 does.");
      bool PassesNull = llvm::any_of(After.sites(), [&](const SiteRecord &S) {
        return U.Apis.count(S.Api) && !S.OnlyIfBlocked.empty() && After.applies(S);
      });
      if (PassesNull)
        paragraph(B, "The internal functions still take a vmas array until "
                     "the last patch of this series; " + Api +
                     " passes them NULL meanwhile.");
      std::vector<std::string> Pulled;
      for (const std::string &A : U.Apis)
        if (A != U.Name)
          Pulled.push_back(calls(A));
      if (!Pulled.empty())
        paragraph(B, listNames(Pulled) + (Pulled.size() == 1 ? " passes" : " pass") +
                     " its own vmas parameter to " + Api + ", so " +
                     (Pulled.size() == 1 ? "it loses" : "they lose") +
                     " that parameter in this patch too.");
      break;
    }
    case Unit::Plumbing: {
      P.Subject = subjectFor(RelPaths, "remove the vmas array from the internal GUP functions");
      std::vector<std::string> I(Internals.begin(), Internals.end());
      std::vector<std::string> H(Helpers.begin(), Helpers.end());
      std::string Text = "No caller passes a vmas array any more. Remove the "
                         "parameter";
      if (!I.empty())
        Text += " from " + listNames(I);
      if (!H.empty())
        Text += std::string(I.empty() ? " from " : ", and from ") + listNames(H) +
                ", which only fed it";
      Text += ", together with the code that filled the array.";
      paragraph(B, Text);
      break;
    }
    case Unit::Spec: {
      const MigrationSpec &Spec = *U.Migration;
      P.Subject = subjectFor(RelPaths, Spec.Title);
      paragraph(B, "Linux " + formatKernelVersion(Spec.Kernel) + " changed this "
                   "API: " + Spec.Title + ". Migrate the sites of this tree "
                   "(gup-rewrite's migration " + Spec.Id + "); the sites it "
                   "could not migrate mechanically are listed below.");
      if (!Spec.Upstream.empty())
        paragraph(B, "Upstream: " + Spec.Upstream);
      break;
    }
    }
    std::string Summary = "Sites changed:";
    B += Summary + "\n";
    for (const auto &[Rule, Count] : ByRule)
      bullet(B, Rule + ": " + std::to_string(Count));
    B += "\n";
    if (!Look.empty()) {
      B += "Sites that need a human look:\n";
      for (const std::string &L : Look)
        bullet(B, L);
      B += "\n";
    }
    paragraph(B, "Generated by gup-rewrite.");
    P.Diffstat = diffstat(Diffs);
    P.Diff = std::move(Diff);
    Patches.push_back(std::move(P));
  }

  // The files: headers, body, sign-off, ---, diffstat, diff.
  std::string From = Options.From.empty()
                         ? std::string("gup-rewrite <gup-rewrite@localhost.invalid>")
                         : Options.From;
  std::string Date = dateHeader(Options);
  const size_t N = Patches.size();
  auto Header = [&](size_t K, const std::string &Subject) {
    std::string H = "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n";
    H += "From: " + From + "\n";
    H += "Date: " + Date + "\n";
    H += "Subject: [PATCH " + std::to_string(K) + "/" + std::to_string(N) + "] " +
         Subject + "\n\n";
    return H;
  };
  std::string Signoff = Options.Signoff ? "Signed-off-by: " + From + "\n" : "";

  std::vector<std::pair<std::string, std::string>> Files; // name, content
  std::vector<SeriesPatch> Result;
  {
    // The cover letter: what the series does, its patches, what is left.
    std::string B;
    bool GupAlone = Migrations.size() == 1 && Migrations.front()->Id == gupVmasMigration().Id;
    std::string CoverSubject = "mm/gup: remove the vmas parameter from the GUP API";
    if (GupAlone) {
      paragraph(B, "This series removes the vmas parameter from the GUP API, as "
                   "Linux 6.5 does, one API per patch so that every step "
                   "builds: the users of a vmas array first, then each API with "
                   "its callers, and last the internal plumbing. It was "
                   "generated by gup-rewrite.");
    } else {
      KernelVersion Newest = 0;
      for (const MigrationSpec *Spec : Migrations)
        Newest = std::max(Newest, Spec->Kernel);
      CoverSubject = "treewide: migrate to the kernel API changes up to Linux " +
                     formatKernelVersion(Newest);
      paragraph(B, "This series migrates the tree to kernel API changes, one "
                   "change per patch (the removal of the GUP vmas parameter "
                   "takes one patch per API) so that every step builds. It "
                   "was generated by gup-rewrite, from these migrations:");
      for (const MigrationSpec *Spec : Migrations)
        bullet(B, Spec->Id + " (Linux " + formatKernelVersion(Spec->Kernel) +
                      "): " + Spec->Title);
      B += "\n";
    }
    if (N == 0)
      paragraph(B, "Nothing needs changing in this tree.");
    std::vector<std::string> Blocked;
    for (const auto &[Api, Sites] : Final->blockedApis())
      Blocked.push_back(calls(Api));
    if (!Blocked.empty())
      paragraph(B, listNames(Blocked) +
                       (Blocked.size() == 1 ? " is not migrated: some of its"
                                            : " are not migrated: some of their") +
                       " sites need a human (listed below).");
    std::vector<std::string> Look;
    for (const SiteRecord &Site : Final->sites())
      if (Site.Kind == FindingKind::NeedsAttention || Site.Kind == FindingKind::Report)
        Look.push_back(siteLine(Site, Root));
    if (!Look.empty()) {
      B += "Sites that need a human look:\n";
      for (const std::string &L : Look)
        bullet(B, L);
      B += "\n";
    }
    if (!Options.Coverage.empty()) {
      // The coverage report, summarised: what this configuration missed.
      unsigned Fixed = 0;
      std::vector<std::string> NotFixed, Unseen;
      bool InUnseen = false;
      llvm::SmallVector<llvm::StringRef, 32> Lines;
      llvm::StringRef(Options.Coverage).split(Lines, '\n', -1, false);
      for (llvm::StringRef L : Lines) {
        if (L.starts_with("#")) {
          InUnseen = L.contains("no TU read");
          continue;
        }
        if (L == "(none)")
          continue;
        if (InUnseen)
          Unseen.push_back(L.str());
        else if (L.contains(": NOT FIXED: "))
          NotFixed.push_back(L.str());
        else
          ++Fixed;
      }
      paragraph(B, "Coverage: " + std::to_string(Fixed + NotFixed.size()) +
                   " site(s) in #if branches this configuration skips (" +
                   std::to_string(Fixed) + " fixed on their tokens, " +
                   std::to_string(NotFixed.size()) + " not fixed), and " +
                   std::to_string(Unseen.size()) +
                   " file(s) that name the GUP API but that no compiled file "
                   "reads.");
      for (const std::string &L : NotFixed)
        bullet(B, L);
      for (const std::string &L : Unseen)
        bullet(B, L + " (not compiled)");
      if (!NotFixed.empty() || !Unseen.empty())
        B += "\n";
    }
    std::string Text = Header(0, CoverSubject) + B;
    for (const Patch &P : Patches)
      Text += P.Subject + "\n";
    // The series as a whole.
    std::vector<FileDiff> Total;
    for (const auto &[Path, New] : Contents.back())
      if (New != Originals[Path])
        Total.push_back(diffOf(relativeTo(Path, Root), Originals[Path], New));
    Text += "\n" + (Total.empty() ? std::string(" 0 files changed\n") : diffstat(Total));
    Text += "\n-- \ngup-rewrite\n\n";
    Files.push_back({patchFileName(0, "cover-letter"), std::move(Text)});
  }
  for (size_t K = 0; K < N; ++K) {
    const Patch &P = Patches[K];
    std::string Text = Header(K + 1, P.Subject) + P.Body + Signoff + "---\n" +
                       P.Diffstat + "\n" + P.Diff + "-- \ngup-rewrite\n\n";
    std::string Name = patchFileName(K + 1, P.Subject);
    Files.push_back({Name, std::move(Text)});
    Result.push_back({Name, P.Subject, P.Diffstat});
  }

  // All files are rendered before any is written; stale patches of an
  // earlier run are removed so the directory holds one series.
  if (!llvm::sys::fs::is_directory(Options.Dir))
    if (std::error_code EC = llvm::sys::fs::create_directory(Options.Dir))
      return llvm::createStringError(EC, "cannot create '" + Options.Dir +
                                             "': " + EC.message());
  std::set<std::string> Written;
  for (const auto &[Name, Text] : Files) {
    llvm::SmallString<256> Path(Options.Dir);
    llvm::sys::path::append(Path, Name);
    if (llvm::Error E = writeFileAtomically(std::string(Path), Text))
      return std::move(E);
    Written.insert(Name);
  }
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Options.Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Name.size() > 11 && llvm::all_of(Name.take_front(4), llvm::isDigit) &&
        Name[4] == '-' && Name.ends_with(".patch") && !Written.count(Name.str()))
      llvm::sys::fs::remove(It->path());
  }
  return Result;
}

} // namespace gup
