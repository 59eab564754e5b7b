//===- MigrationSpec.cpp - Read migration specs ---------------------------===//
#include "MigrationSpec.h"
#include "RuleTable.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <algorithm>

namespace gup {

std::optional<KernelVersion> parseKernelVersion(llvm::StringRef Text) {
  auto [MajorText, MinorText] = Text.trim().split('.');
  unsigned Major = 0, Minor = 0;
  if (MajorText.getAsInteger(10, Major) || MinorText.getAsInteger(10, Minor) ||
      Major == 0 || Major > 99 || Minor > 99)
    return std::nullopt;
  return Major * 100 + Minor;
}

std::string formatKernelVersion(KernelVersion V) {
  return llvm::formatv("{0}.{1}", V / 100, V % 100).str();
}

std::string kernelVersionMacro(KernelVersion V) {
  return llvm::formatv("KERNEL_VERSION({0}, {1}, 0)", V / 100, V % 100).str();
}

std::vector<std::string> MigrationSpec::identifiers() const {
  std::vector<std::string> Names;
  auto Add = [&](const std::string &Name) {
    if (!Name.empty() && !llvm::is_contained(Names, Name))
      Names.push_back(Name);
  };
  for (const SpecEntry &E : Entries) {
    switch (E.Kind) {
    case SpecEntryKind::ParameterRemoved:
    case SpecEntryKind::Renamed:
    case SpecEntryKind::Removed:
      Add(E.Name);
      break;
    case SpecEntryKind::InitializerRemoved:
      // `.llseek = no_llseek`: the value is the identifier a file spells.
      Add(E.Value);
      break;
    case SpecEntryKind::HeaderMoved:
      // Spotted by its #include line, not by an identifier.
      break;
    }
  }
  return Names;
}

const RuleRole *MigrationSpec::role(RemovedParameterRole Role) const {
  for (const RuleRole &R : Roles)
    if (R.Role == Role)
      return &R;
  return nullptr;
}

/// The placeholders a message template may use (RuleRole).
static const llvm::StringLiteral Placeholders[] = {
    "function", "parameter", "kernel", "spec", "argument", "reason"};

/// Walks \p Template: literal text to \p Text, each placeholder name to
/// \p Placeholder, and [[ / ]] to \p Optional(true / false). Returns false
/// at a '{' without its '}'.
template <typename TextFn, typename PlaceholderFn, typename OptionalFn>
static bool walkTemplate(llvm::StringRef Template, TextFn Text,
                         PlaceholderFn Placeholder, OptionalFn Optional) {
  while (!Template.empty()) {
    size_t Next = Template.find_first_of("{[]");
    if (Next == llvm::StringRef::npos) {
      Text(Template);
      return true;
    }
    Text(Template.take_front(Next));
    Template = Template.drop_front(Next);
    if (Template.consume_front("[[")) {
      Optional(true);
    } else if (Template.consume_front("]]")) {
      Optional(false);
    } else if (Template.front() == '{') {
      size_t Close = Template.find('}');
      if (Close == llvm::StringRef::npos)
        return false;
      Placeholder(Template.slice(1, Close));
      Template = Template.drop_front(Close + 1);
    } else {
      Text(Template.take_front(1));
      Template = Template.drop_front(1);
    }
  }
  return true;
}

std::string renderMessage(llvm::StringRef Template,
                          llvm::ArrayRef<std::pair<llvm::StringRef, std::string>> Values) {
  std::string Out, Segment;
  bool InOptional = false, SegmentEmpty = false;
  auto Sink = [&]() -> std::string & { return InOptional ? Segment : Out; };
  walkTemplate(
      Template, [&](llvm::StringRef T) { Sink() += T; },
      [&](llvm::StringRef Name) {
        for (const auto &[Key, Value] : Values)
          if (Key == Name) {
            SegmentEmpty |= Value.empty();
            Sink() += Value;
            return;
          }
        SegmentEmpty = true;
      },
      [&](bool Open) {
        if (!Open && InOptional && !SegmentEmpty)
          Out += Segment;
        InOptional = Open;
        Segment.clear();
        SegmentEmpty = false;
      });
  return Out;
}

/// Why \p Template is not a valid message template, or nothing.
static std::optional<llvm::StringLiteral> templateError(llvm::StringRef Template) {
  std::optional<llvm::StringLiteral> Error;
  int Depth = 0;
  bool Closed = walkTemplate(
      Template, [](llvm::StringRef) {},
      [&](llvm::StringRef Name) {
        if (!Error && !llvm::is_contained(Placeholders, Name))
          Error = llvm::StringLiteral("unknown placeholder (known: {function}, "
                                      "{parameter}, {kernel}, {spec}, {argument}, "
                                      "{reason})");
      },
      [&](bool Open) {
        Depth += Open ? 1 : -1;
        if (!Error && (Depth < 0 || Depth > 1))
          Error = llvm::StringLiteral("[[ and ]] must pair, without nesting");
      });
  if (!Error && !Closed)
    Error = llvm::StringLiteral("a '{' without its '}'");
  if (!Error && Depth != 0)
    Error = llvm::StringLiteral("[[ and ]] must pair, without nesting");
  return Error;
}

//===----------------------------------------------------------------------===//
// JSON mapping. Every field is checked where it is read, so an error names
// the JSON path of the first bad field.
//===----------------------------------------------------------------------===//

static bool fromJSON(const llvm::json::Value &V, SpecEntryKind &Kind,
                     llvm::json::Path P) {
  static const std::pair<llvm::StringLiteral, SpecEntryKind> Names[] = {
      {"parameter-removed", SpecEntryKind::ParameterRemoved},
      {"renamed", SpecEntryKind::Renamed},
      {"header-moved", SpecEntryKind::HeaderMoved},
      {"initializer-removed", SpecEntryKind::InitializerRemoved},
      {"removed", SpecEntryKind::Removed},
  };
  std::optional<llvm::StringRef> S = V.getAsString();
  for (const auto &[Name, K] : Names)
    if (S && *S == Name) {
      Kind = K;
      return true;
    }
  P.report("expected one of parameter-removed, renamed, header-moved, "
           "initializer-removed, removed");
  return false;
}

static bool fromJSON(const llvm::json::Value &V, DropWhen &Drop,
                     llvm::json::Path P) {
  std::optional<llvm::StringRef> S = V.getAsString();
  if (S && *S == "null")
    Drop = DropWhen::Null;
  else if (S && *S == "no-side-effects")
    Drop = DropWhen::NoSideEffects;
  else {
    P.report("expected \"null\" or \"no-side-effects\"");
    return false;
  }
  return true;
}

static bool fromJSON(const llvm::json::Value &V, UsedResult &Used,
                     llvm::json::Path P) {
  std::optional<llvm::StringRef> S = V.getAsString();
  if (S && *S == "rename")
    Used = UsedResult::Rename;
  else if (S && *S == "report")
    Used = UsedResult::Report;
  else {
    P.report("expected \"rename\" or \"report\"");
    return false;
  }
  return true;
}

/// A version written "X.Y" in a spec.
static bool mapVersion(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                       KernelVersion &Out, llvm::json::Path P, bool Required) {
  std::optional<std::string> Text;
  if (!O.map(Key, Text))
    return false;
  if (!Text) {
    if (Required)
      P.field(Key).report("missing; expected a kernel version \"X.Y\"");
    return !Required;
  }
  std::optional<KernelVersion> V = parseKernelVersion(*Text);
  if (!V) {
    P.field(Key).report("expected a kernel version \"X.Y\"");
    return false;
  }
  Out = *V;
  return true;
}

/// A string field that must be present and non-empty.
static bool mapRequired(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                        std::string &Out, llvm::json::Path P) {
  if (!O.map(Key, Out))
    return false;
  if (Out.empty()) {
    P.field(Key).report("must not be empty");
    return false;
  }
  return true;
}

/// A required count or index (JSON has no unsigned; negatives are errors).
static bool mapCount(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                     unsigned &Out, llvm::json::Path P) {
  int64_t N = 0;
  if (!O.map(Key, N))
    return false;
  if (N < 0 || N > 64) {
    P.field(Key).report("expected an integer from 0 to 64");
    return false;
  }
  Out = static_cast<unsigned>(N);
  return true;
}

static bool fromJSON(const llvm::json::Value &V, SpecEntry &E, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  if (!O || !O.map("kind", E.Kind) || !mapRequired(O, "name", E.Name, P))
    return false;
  switch (E.Kind) {
  case SpecEntryKind::ParameterRemoved:
    if (!mapCount(O, "index", E.Index, P) || !mapCount(O, "arity", E.Arity, P) ||
        !mapRequired(O, "parameterName", E.ParameterName, P) ||
        !O.mapOptional("parameterType", E.ParameterType) ||
        !O.mapOptional("dropWhen", E.Drop) ||
        !O.mapOptional("oldArgument", E.OldArgument) ||
        !O.mapOptional("public", E.Public) || !O.mapOptional("macro", E.Macro) ||
        !O.mapOptional("returnType", E.ReturnType) ||
        !O.mapOptional("parameters", E.Parameters) ||
        !O.mapOptional("header", E.Header) ||
        !O.mapOptional("macroParameters", E.MacroParameters))
      return false;
    if (E.Index >= E.Arity) {
      P.field("index").report("must be below arity");
      return false;
    }
    if (E.Macro && E.MacroParameters.size() != E.Arity) {
      P.field("macroParameters").report("a macro needs one name per parameter (arity)");
      return false;
    }
    return true;
  case SpecEntryKind::Renamed:
    return mapRequired(O, "newName", E.NewName, P) &&
           mapVersion(O, "newNameSince", E.NewNameSince, P, /*Required=*/false) &&
           O.mapOptional("whenResultUsed", E.WhenResultUsed) &&
           O.mapOptional("macro", E.Macro) &&
           O.mapOptional("reportMessage", E.ReportMessage);
  case SpecEntryKind::HeaderMoved:
    return mapRequired(O, "newName", E.NewName, P);
  case SpecEntryKind::InitializerRemoved:
    return mapRequired(O, "field", E.Field, P) && mapRequired(O, "value", E.Value, P) &&
           O.mapOptional("reportMessage", E.ReportMessage);
  case SpecEntryKind::Removed:
    return O.mapOptional("reportMessage", E.ReportMessage);
  }
  return false;
}

/// A message template: a string whose placeholders are known.
static bool mapTemplate(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                        std::string &Out, llvm::json::Path P) {
  if (!O.mapOptional(Key, Out))
    return false;
  if (std::optional<llvm::StringLiteral> Error = templateError(Out)) {
    P.field(Key).report(*Error);
    return false;
  }
  return true;
}

/// "rules": {"argument-dropped": {"name": ..., "summary": ...}, ...}.
static bool mapRoles(const llvm::json::Value &V, std::vector<RuleRole> &Roles,
                     llvm::json::Path P) {
  static const std::pair<llvm::StringLiteral, RemovedParameterRole> Names[] = {
      {"argument-dropped", RemovedParameterRole::ArgumentDropped},
      {"argument-kept", RemovedParameterRole::ArgumentKept},
      {"address-taken", RemovedParameterRole::AddressTaken},
      {"prototype", RemovedParameterRole::Prototype},
      {"definition", RemovedParameterRole::Definition},
      {"forwarded-argument", RemovedParameterRole::ForwardedArgument},
  };
  const llvm::json::Object *Object = V.getAsObject();
  if (!Object) {
    P.report("expected an object of rule parts");
    return false;
  }
  // In the order of Names, so what the spec lists does not depend on the
  // order of its keys.
  for (const auto &Member : *Object)
    if (!llvm::any_of(Names, [&](const auto &N) {
          return N.first == llvm::StringRef(Member.first);
        })) {
      P.field(Member.first).report("not a part of the parameter-removed rule (expected "
                                   "argument-dropped, argument-kept, address-taken, "
                                   "prototype, definition or forwarded-argument)");
      return false;
    }
  for (const auto &[Key, Role] : Names) {
    const llvm::json::Value *Part = Object->get(Key);
    if (!Part)
      continue;
    llvm::json::Path PartPath = P.field(Key);
    llvm::json::ObjectMapper O(*Part, PartPath);
    RuleRole R{Role, "", "", "", "", "", ""};
    if (!O || !mapRequired(O, "name", R.Name, PartPath) ||
        !mapRequired(O, "summary", R.Summary, PartPath) ||
        !O.mapOptional("check", R.Check) ||
        !mapTemplate(O, "message", R.Message, PartPath) ||
        !mapTemplate(O, "declinedMessage", R.DeclinedMessage, PartPath) ||
        !mapTemplate(O, "failedEdit", R.FailedEdit, PartPath))
      return false;
    // The diagnostics of a definition and of what its helpers pass on
    // come in many shapes (why a helper goes, what is kept): named, not
    // worded. Only the kept argument has a reason to mention; only an edit
    // that can fail says what could not be done.
    bool Worded = Role != RemovedParameterRole::Definition &&
                  Role != RemovedParameterRole::ForwardedArgument;
    if (!Worded && !R.Message.empty()) {
      PartPath.field("message").report("a definition or forwarded-argument part has "
                                       "the tool's wording; give it a name only");
      return false;
    }
    if (Role != RemovedParameterRole::ArgumentKept && !R.DeclinedMessage.empty()) {
      PartPath.field("declinedMessage").report("only argument-kept has one");
      return false;
    }
    if (Role != RemovedParameterRole::ArgumentDropped &&
        Role != RemovedParameterRole::Prototype && !R.FailedEdit.empty()) {
      PartPath.field("failedEdit").report("only argument-dropped and prototype have one");
      return false;
    }
    if (R.Check.empty())
      R.Check = "gup-" + R.Name;
    Roles.push_back(std::move(R));
  }
  return true;
}

static bool fromJSON(const llvm::json::Value &V, MigrationSpec &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  if (!O || !mapRequired(O, "id", S.Id, P) || !mapRequired(O, "title", S.Title, P) ||
      !mapVersion(O, "kernel", S.Kernel, P, /*Required=*/true) ||
      !O.mapOptional("upstream", S.Upstream) ||
      !O.mapOptional("seriesOrder", S.SeriesOrder) ||
      !O.mapOptional("idiomRules", S.IdiomRules) ||
      !O.mapOptional("unaffected", S.Unaffected) || !O.map("entries", S.Entries))
    return false;
  if (const llvm::json::Object *Object = V.getAsObject())
    if (const llvm::json::Value *Rules = Object->get("rules"))
      if (!mapRoles(*Rules, S.Roles, P.field("rules")))
        return false;
  if (S.Entries.empty()) {
    P.field("entries").report("a migration needs at least one entry");
    return false;
  }
  return true;
}

llvm::Expected<MigrationSpec> parseMigrationSpec(llvm::StringRef Json,
                                                 llvm::StringRef Source) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Json);
  if (!Parsed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s",
                                   Source.str().c_str(),
                                   llvm::toString(Parsed.takeError()).c_str());
  MigrationSpec Spec;
  llvm::json::Path::Root Root(Source);
  if (!fromJSON(*Parsed, Spec, Root)) {
    // printErrorContext would dump the document; the message with its path
    // ("entries[3].index: ...") is what a spec author needs.
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s",
                                   Source.str().c_str(),
                                   llvm::toString(Root.getError()).c_str());
  }
  for (const std::string &Rule : Spec.IdiomRules)
    if (!findIdiomRule(Rule))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "%s: idiomRules: no idiom rule named '%s' (docs/rules.md lists them)",
          Source.str().c_str(), Rule.c_str());
  // The idiom rules read GUP's call sites (the vmas argument, the page,
  // the lock): attached to another spec they would never run.
  if (!Spec.IdiomRules.empty() && Spec.Id != "gup-vmas")
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: idiomRules: the idiom rules decide the GUP migration's vmas sites and "
        "run only for gup-vmas; another spec cannot attach them (its sites go to "
        "the generic rules of its kinds)",
        Source.str().c_str());
  Spec.Source = Source.str();
  return Spec;
}

//===----------------------------------------------------------------------===//
// The specs compiled in from migrations/*.json (matchers/CMakeLists.txt
// writes BuiltinMigrations.inc: {file name, contents} pairs).
//===----------------------------------------------------------------------===//

namespace {
struct BuiltinSpecText {
  const char *FileName;
  const char *Json;
};
const BuiltinSpecText BuiltinSpecTexts[] = {
#include "BuiltinMigrations.inc"
};
} // namespace

llvm::ArrayRef<MigrationSpec> builtinMigrations() {
  static const std::vector<MigrationSpec> Specs = [] {
    std::vector<MigrationSpec> Out;
    for (const BuiltinSpecText &T : BuiltinSpecTexts) {
      llvm::Expected<MigrationSpec> Spec =
          parseMigrationSpec(T.Json, (llvm::Twine("<builtin>/") + T.FileName).str());
      // The build parses these too (test/migration-options); a broken
      // built-in spec is a bug of ours, not of the user's input.
      if (!Spec)
        llvm::report_fatal_error(llvm::Twine("built-in migration spec: ") +
                                 llvm::toString(Spec.takeError()));
      Out.push_back(std::move(*Spec));
    }
    llvm::sort(Out,
                     [](const MigrationSpec &A, const MigrationSpec &B) {
                       return std::tie(A.SeriesOrder, A.Id) < std::tie(B.SeriesOrder, B.Id);
                     });
    return Out;
  }();
  return Specs;
}

const MigrationSpec *findBuiltinMigration(llvm::StringRef Id) {
  for (const MigrationSpec &S : builtinMigrations())
    if (S.Id == Id)
      return &S;
  return nullptr;
}

const MigrationSpec &gupVmasMigration() {
  static const MigrationSpec *Gup = [] {
    const MigrationSpec *S = findBuiltinMigration("gup-vmas");
    if (!S)
      llvm::report_fatal_error("migrations/gup-vmas.json is not compiled in");
    return S;
  }();
  return *Gup;
}

} // namespace gup
