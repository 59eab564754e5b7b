//===- RecordJson.cpp - What a TU found, as JSON --------------------------===//
#include "RecordJson.h"

#include "llvm/ADT/StringExtras.h"

#include <limits>

namespace gup {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

Value bytesToJSON(llvm::StringRef Bytes) {
  if (llvm::json::isUTF8(Bytes))
    return Bytes.str();
  return Object{{"hex", llvm::toHex(Bytes, /*LowerCase=*/true)}};
}

bool bytesFromJSON(const Value &V, std::string &Out, Path P) {
  if (std::optional<llvm::StringRef> S = V.getAsString()) {
    Out = S->str();
    return true;
  }
  const Object *O = V.getAsObject();
  std::optional<llvm::StringRef> Hex = O ? O->getString("hex") : std::nullopt;
  if (!Hex || !llvm::tryGetFromHex(*Hex, Out)) {
    P.report("expected a string or {\"hex\": ...}");
    return false;
  }
  return true;
}

JsonFields::JsonFields(const Value &V, Path P) : O(V.getAsObject()), P(P) {
  if (!O) {
    P.report("expected an object");
    Ok = false;
  }
}

void JsonFields::fail(llvm::StringRef Key, llvm::StringLiteral Why) {
  if (Ok)
    P.field(Key).report(Why);
  Ok = false;
}

const Value *JsonFields::get(llvm::StringRef Key) {
  if (!Ok)
    return nullptr;
  const Value *V = O->get(Key);
  if (!V)
    fail(Key, "missing");
  return V;
}

void JsonFields::bytes(llvm::StringRef Key, std::string &Out) {
  if (const Value *V = get(Key))
    Ok = bytesFromJSON(*V, Out, P.field(Key));
}

void JsonFields::number(llvm::StringRef Key, uint64_t &Out) {
  const Value *V = get(Key);
  if (!V)
    return;
  std::optional<uint64_t> N = V->getAsUINT64();
  if (!N)
    return fail(Key, "expected an unsigned integer");
  Out = *N;
}

void JsonFields::number(llvm::StringRef Key, unsigned &Out) {
  uint64_t Wide = 0;
  number(Key, Wide);
  if (Ok && Wide > std::numeric_limits<unsigned>::max())
    return fail(Key, "number out of range");
  Out = static_cast<unsigned>(Wide);
}

void JsonFields::number(llvm::StringRef Key, double &Out) {
  const Value *V = get(Key);
  if (!V)
    return;
  std::optional<double> N = V->getAsNumber();
  if (!N)
    return fail(Key, "expected a number");
  Out = *N;
}

void JsonFields::flag(llvm::StringRef Key, bool &Out) {
  const Value *V = get(Key);
  if (!V)
    return;
  std::optional<bool> B = V->getAsBoolean();
  if (!B)
    return fail(Key, "expected true or false");
  Out = *B;
}

void JsonFields::strings(llvm::StringRef Key, std::vector<std::string> &Out) {
  array(Key, [&](const Value &V, Path P) {
    Out.emplace_back();
    return bytesFromJSON(V, Out.back(), P);
  });
}

namespace {

// Enums by name, so a shard file says what it means.
const char *const KindNames[] = {"rewrite", "needs-attention", "report"};
const char *const SideNames[] = {"any", "new", "old", "definition"};

template <typename Enum, size_t N>
bool enumFromJSON(const Value &V, const char *const (&Names)[N], Enum &Out, Path P) {
  std::optional<llvm::StringRef> S = V.getAsString();
  for (size_t I = 0; S && I < N; ++I)
    if (*S == Names[I]) {
      Out = static_cast<Enum>(I);
      return true;
    }
  P.report("unknown name");
  return false;
}

template <typename Container> Array bytesArray(const Container &C) {
  Array A;
  for (const std::string &S : C)
    A.push_back(bytesToJSON(S));
  return A;
}

Value editToJSON(const FileEdit &E) {
  Object O{{"path", bytesToJSON(E.Path)},
           {"offset", E.Offset},
           {"length", E.Length},
           {"text", bytesToJSON(E.Text)}};
  if (E.Side != ApiSide::Any) {
    O["side"] = SideNames[static_cast<size_t>(E.Side)];
    O["guardOffset"] = E.GuardOffset;
    O["guardLength"] = E.GuardLength;
  }
  return O;
}

bool editFromJSON(const Value &V, FileEdit &E, Path P) {
  JsonFields F(V, P);
  F.bytes("path", E.Path);
  F.number("offset", E.Offset);
  F.number("length", E.Length);
  F.bytes("text", E.Text);
  const Object *O = V.getAsObject();
  if (F.ok() && O->get("side")) {
    if (!enumFromJSON(*O->get("side"), SideNames, E.Side, P.field("side")))
      return false;
    F.number("guardOffset", E.GuardOffset);
    F.number("guardLength", E.GuardLength);
  }
  return F.ok();
}

Array editsToJSON(const std::vector<FileEdit> &Edits) {
  Array A;
  for (const FileEdit &E : Edits)
    A.push_back(editToJSON(E));
  return A;
}

void editsFromJSON(JsonFields &F, llvm::StringRef Key, std::vector<FileEdit> &Out) {
  F.array(Key, [&](const Value &V, Path P) {
    Out.emplace_back();
    return editFromJSON(V, Out.back(), P);
  });
}

Value siteToJSON(const SiteRecord &S) {
  Object O{{"path", bytesToJSON(S.Path)},
           {"line", S.Line},
           {"column", S.Column},
           {"offset", S.Offset},
           {"rule", S.Rule},
           {"api", S.Api},
           {"kind", KindNames[static_cast<size_t>(S.Kind)]},
           {"message", bytesToJSON(S.Message)},
           {"reviewNote", bytesToJSON(S.ReviewNote)},
           {"edits", editsToJSON(S.Edits)},
           {"requires", bytesArray(S.Requires)},
           {"onlyIfBlocked", S.OnlyIfBlocked},
           {"interimEdits", editsToJSON(S.InterimEdits)}};
  return O;
}

bool siteFromJSON(const Value &V, SiteRecord &S, Path P) {
  JsonFields F(V, P);
  F.bytes("path", S.Path);
  F.number("line", S.Line);
  F.number("column", S.Column);
  F.number("offset", S.Offset);
  F.bytes("rule", S.Rule);
  F.bytes("api", S.Api);
  if (const Value *Kind = F.get("kind"))
    if (!enumFromJSON(*Kind, KindNames, S.Kind, P.field("kind")))
      return false;
  F.bytes("message", S.Message);
  F.bytes("reviewNote", S.ReviewNote);
  editsFromJSON(F, "edits", S.Edits);
  F.strings("requires", S.Requires);
  F.bytes("onlyIfBlocked", S.OnlyIfBlocked);
  editsFromJSON(F, "interimEdits", S.InterimEdits);
  return F.ok();
}

} // namespace

Value toJSON(const TuResult &R) {
  Array Sites, Snapshots;
  for (const SiteRecord &S : R.Sites)
    Sites.push_back(siteToJSON(S));
  for (const FileSnapshot &S : R.Snapshots)
    Snapshots.push_back(Object{
        {"path", bytesToJSON(S.Path)}, {"hash", S.Hash}, {"size", S.Size}});
  return Object{{"file", bytesToJSON(R.File)},
                {"database", bytesToJSON(R.Database)},
                {"parsed", R.Parsed},
                {"errors", R.Errors},
                {"errorLines", bytesArray(R.ErrorLines)},
                {"sites", std::move(Sites)},
                {"snapshots", std::move(Snapshots)},
                {"outsideRootSites", R.OutsideRootSites},
                {"filesSeen", bytesArray(R.FilesSeen)},
                {"droppedFlags", bytesArray(R.DroppedFlags)}};
}

bool fromJSON(const Value &V, TuResult &R, Path P) {
  JsonFields F(V, P);
  F.bytes("file", R.File);
  F.bytes("database", R.Database);
  F.flag("parsed", R.Parsed);
  F.number("errors", R.Errors);
  F.strings("errorLines", R.ErrorLines);
  F.array("sites", [&](const Value &Site, Path At) {
    R.Sites.emplace_back();
    return siteFromJSON(Site, R.Sites.back(), At);
  });
  F.array("snapshots", [&](const Value &Snapshot, Path At) {
    FileSnapshot S;
    JsonFields G(Snapshot, At);
    G.bytes("path", S.Path);
    G.number("hash", S.Hash);
    G.number("size", S.Size);
    R.Snapshots.push_back(std::move(S));
    return G.ok();
  });
  F.number("outsideRootSites", R.OutsideRootSites);
  std::vector<std::string> Seen, Dropped;
  F.strings("filesSeen", Seen);
  F.strings("droppedFlags", Dropped);
  R.FilesSeen.insert(Seen.begin(), Seen.end());
  R.DroppedFlags.insert(Dropped.begin(), Dropped.end());
  return F.ok();
}

Value toJSON(const WorkerOutcome &O) {
  return Object{{"result", toJSON(O.Result)},
                {"failure", bytesToJSON(O.Failure)},
                {"peakRssKiB", static_cast<int64_t>(O.PeakRssKiB)},
                {"seconds", O.Seconds}};
}

bool fromJSON(const Value &V, WorkerOutcome &O, Path P) {
  JsonFields F(V, P);
  if (const Value *R = F.get("result"))
    if (!fromJSON(*R, O.Result, P.field("result")))
      return false;
  F.bytes("failure", O.Failure);
  uint64_t Rss = 0;
  F.number("peakRssKiB", Rss);
  O.PeakRssKiB = static_cast<long>(Rss);
  F.number("seconds", O.Seconds);
  return F.ok();
}

} // namespace gup
