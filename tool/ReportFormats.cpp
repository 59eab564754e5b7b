//===- ReportFormats.cpp - --report as JSON or SARIF 2.1.0 ----------------===//
#include "ReportFormats.h"

#include "Paths.h"

#include "RuleTable.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <set>

namespace gup {
namespace {

const char *kindName(FindingKind Kind) {
  switch (Kind) {
  case FindingKind::Rewrite:
    return "rewrite";
  case FindingKind::NeedsAttention:
    return "needs-attention";
  case FindingKind::Report:
    return "report";
  }
  return "report";
}

/// Edits that are really written: the site's API is migrated and its file
/// is not left unchanged (conflict, changed on disk).
bool madeInFull(const SiteRecord &Site, const ChangePlan &Plan,
                const std::set<std::string> &Writable) {
  if (!Plan.applies(Site) || Site.Edits.empty())
    return false;
  for (const FileEdit &E : Site.Edits)
    if (!Writable.count(E.Path))
      return false;
  return true;
}

std::set<std::string> writable(const std::vector<ChangedFile> &Files) {
  std::set<std::string> W;
  for (const ChangedFile &F : Files)
    W.insert(F.Path);
  return W;
}

/// 1-based line and column of byte offsets, computed from the file text.
class LineTable {
public:
  std::pair<unsigned, unsigned> at(const std::string &Path, unsigned Offset) {
    auto [It, Inserted] = Starts.try_emplace(Path);
    if (Inserted) {
      It->second.push_back(0);
      auto Buffer = llvm::MemoryBuffer::getFile(Path, false, false);
      if (Buffer) {
        llvm::StringRef Text = (*Buffer)->getBuffer();
        for (size_t I = 0; I < Text.size(); ++I)
          if (Text[I] == '\n')
            It->second.push_back(I + 1);
      }
    }
    const std::vector<unsigned> &S = It->second;
    size_t Line = std::upper_bound(S.begin(), S.end(), Offset) - S.begin();
    return {static_cast<unsigned>(Line), Offset - S[Line - 1] + 1};
  }

private:
  std::map<std::string, std::vector<unsigned>> Starts;
};

std::string render(const llvm::json::Value &V) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::formatv("{0:2}", V) << "\n";
  return Out;
}

} // namespace

std::string renderReportJson(const ChangePlan &Plan,
                             const std::vector<ChangedFile> &Files,
                             const std::vector<const UnreadFile *> &Unread,
                             const std::string &Root) {
  std::set<std::string> W = writable(Files);
  llvm::json::Array Sites;
  for (const SiteRecord &Site : Plan.sites()) {
    if (!Plan.inForce(Site))
      continue;
    bool Made = madeInFull(Site, Plan, W);
    llvm::json::Array Edits;
    if (Made)
      for (const FileEdit &E : Site.Edits)
        Edits.push_back(llvm::json::Object{{"file", relativeTo(E.Path, Root)},
                                           {"offset", E.Offset},
                                           {"length", E.Length},
                                           {"replacement", E.Text}});
    llvm::json::Object O{{"file", relativeTo(Site.Path, Root)},
                         {"line", Site.Line},
                         {"column", Site.Column},
                         {"rule", Site.Rule},
                         {"kind", kindName(Site.Kind)},
                         {"api", Site.Api},
                         {"message", Site.Message},
                         {"applied", Made},
                         {"edits", std::move(Edits)}};
    if (Site.Kind == FindingKind::Rewrite && Plan.blockedApis().count(Site.Api))
      O["heldBack"] = true;
    if (!Site.ReviewNote.empty() && Plan.applies(Site))
      O["review"] = Site.ReviewNote;
    Sites.push_back(std::move(O));
  }
  llvm::json::Array Unseen;
  for (const UnreadFile *F : Unread) {
    const FamilyMention *First = F->firstToMigrate();
    std::set<std::string> Names;
    for (const FamilyMention &M : F->Mentions)
      if (!M.Migrated)
        Names.insert(M.Name);
    llvm::json::Array Uses;
    for (const std::string &Name : Names)
      Uses.push_back(Name);
    Unseen.push_back(llvm::json::Object{
        {"file", relativeTo(F->Path, Root)},
        {"line", First->Line},
        {"column", First->Column},
        {"uses", std::move(Uses)},
        {"message", describeUnread(*F)}});
  }
  return render(llvm::json::Object{{"tool", "gup-rewrite"},
                                   {"formatVersion", 1},
                                   {"root", Root},
                                   {"sites", std::move(Sites)},
                                   {"unreadFiles", std::move(Unseen)}});
}

std::string renderReportSarif(const ChangePlan &Plan,
                              const std::vector<ChangedFile> &Files,
                              const std::vector<const UnreadFile *> &Unread,
                              const std::string &Root,
                              llvm::ArrayRef<const MigrationSpec *> Specs) {
  std::set<std::string> W = writable(Files);
  // The rules the results refer to, by index.
  std::map<std::string, unsigned> RuleIndex;
  llvm::json::Array Rules;
  for (const SiteRecord &Site : Plan.sites()) {
    if (!Plan.inForce(Site) || RuleIndex.count(Site.Rule))
      continue;
    RuleIndex[Site.Rule] = Rules.size();
    llvm::json::Object Rule{{"id", Site.Rule}};
    if (std::optional<RuleInfo> Info = findRuleInfo(Site.Rule, Specs))
      Rule["shortDescription"] = llvm::json::Object{{"text", Info->Summary}};
    Rules.push_back(std::move(Rule));
  }
  if (!Unread.empty()) {
    RuleIndex[UnreadFileRule.str()] = Rules.size();
    Rules.push_back(llvm::json::Object{
        {"id", UnreadFileRule},
        {"shortDescription", llvm::json::Object{{"text", UnreadFileSummary}}}});
  }
  LineTable Lines;
  auto Location = [&](const std::string &Path) {
    return llvm::json::Object{{"uri", relativeTo(Path, Root)}, {"uriBaseId", "SRCROOT"}};
  };
  auto Region = [&](const std::string &Path, unsigned Line, unsigned Column) {
    return llvm::json::Array{llvm::json::Object{
        {"physicalLocation",
         llvm::json::Object{
             {"artifactLocation", Location(Path)},
             {"region", llvm::json::Object{{"startLine", Line},
                                           {"startColumn", Column}}}}}}};
  };
  llvm::json::Array Results;
  for (const SiteRecord &Site : Plan.sites()) {
    if (!Plan.inForce(Site))
      continue;
    const char *Level = Site.Kind == FindingKind::NeedsAttention ? "error"
                        : Site.Kind == FindingKind::Report     ? "note"
                                                               : "warning";
    llvm::json::Object Result{
        {"ruleId", Site.Rule},
        {"ruleIndex", RuleIndex[Site.Rule]},
        {"level", Level},
        {"message", llvm::json::Object{{"text", Site.Message}}},
        {"locations", Region(Site.Path, Site.Line, Site.Column)},
        {"properties", llvm::json::Object{{"kind", kindName(Site.Kind)},
                                          {"api", Site.Api}}}};
    if (Site.Kind == FindingKind::Rewrite && Plan.blockedApis().count(Site.Api))
      (*Result.getObject("properties"))["heldBack"] = true;
    if (madeInFull(Site, Plan, W)) {
      // One artifactChange per file, its replacements in file order.
      std::map<std::string, llvm::json::Array> ByFile;
      for (const FileEdit &E : Site.Edits) {
        auto [StartLine, StartColumn] = Lines.at(E.Path, E.Offset);
        auto [EndLine, EndColumn] = Lines.at(E.Path, E.Offset + E.Length);
        ByFile[E.Path].push_back(llvm::json::Object{
            {"deletedRegion", llvm::json::Object{{"charOffset", E.Offset},
                                                 {"charLength", E.Length},
                                                 {"startLine", StartLine},
                                                 {"startColumn", StartColumn},
                                                 {"endLine", EndLine},
                                                 {"endColumn", EndColumn}}},
            {"insertedContent", llvm::json::Object{{"text", E.Text}}}});
      }
      llvm::json::Array Changes;
      for (auto &[Path, Replacements] : ByFile)
        Changes.push_back(llvm::json::Object{{"artifactLocation", Location(Path)},
                                             {"replacements", std::move(Replacements)}});
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", Site.Message}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
    if (!Site.ReviewNote.empty() && Plan.applies(Site))
      Results.push_back(llvm::json::Object{
          {"ruleId", Site.Rule},
          {"ruleIndex", RuleIndex[Site.Rule]},
          {"level", "note"},
          {"message", llvm::json::Object{{"text", Site.ReviewNote}}},
          {"locations", Region(Site.Path, Site.Line, Site.Column)},
          {"properties", llvm::json::Object{{"kind", "review"}, {"api", Site.Api}}}});
  }
  for (const UnreadFile *F : Unread) {
    const FamilyMention *First = F->firstToMigrate();
    Results.push_back(llvm::json::Object{
        {"ruleId", UnreadFileRule},
        {"ruleIndex", RuleIndex[UnreadFileRule.str()]},
        {"level", "warning"},
        {"message", llvm::json::Object{{"text", describeUnread(*F)}}},
        {"locations", Region(F->Path, First->Line, First->Column)},
        {"properties", llvm::json::Object{{"kind", "unread-file"}}}});
  }
  std::string RootUri = "file://" + Root + (llvm::StringRef(Root).ends_with("/") ? "" : "/");
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver",
                                   llvm::json::Object{{"name", "gup-rewrite"},
                                                      {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       llvm::json::Object{{"SRCROOT", llvm::json::Object{{"uri", RootUri}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)}};
  return render(llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}});
}

} // namespace gup
