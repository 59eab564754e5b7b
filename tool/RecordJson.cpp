//===- RecordJson.cpp - What a TU found, as JSON --------------------------===//
#include "RecordJson.h"

#include "llvm/ADT/StringExtras.h"

#include <limits>

namespace gup {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

namespace {

Value bytesToJSON(llvm::StringRef Bytes) {
  if (llvm::json::isUTF8(Bytes))
    return Bytes.str();
  return Object{{"hex", llvm::toHex(Bytes, /*LowerCase=*/true)}};
}

bool bytesFromJSON(const Value &V, std::string &Out) {
  if (std::optional<llvm::StringRef> S = V.getAsString()) {
    Out = S->str();
    return true;
  }
  const Object *O = V.getAsObject();
  std::optional<llvm::StringRef> Hex = O ? O->getString("hex") : std::nullopt;
  return Hex && llvm::tryGetFromHex(*Hex, Out);
}

} // namespace

JsonIO::JsonIO(const Value &V, Path P) : In(V.getAsObject()), P(P) {
  if (!In) {
    P.report("expected an object");
    Ok = false;
  }
}

void JsonIO::fail(llvm::StringRef Key, llvm::StringLiteral Why) {
  if (Ok)
    P->field(Key).report(Why);
  Ok = false;
}

const Value *JsonIO::get(llvm::StringRef Key) {
  if (!Ok)
    return nullptr;
  const Value *V = In->get(Key);
  if (!V)
    fail(Key, "missing");
  return V;
}

const Array *JsonIO::array(llvm::StringRef Key) {
  const Value *V = get(Key);
  const Array *A = V ? V->getAsArray() : nullptr;
  if (V && !A)
    fail(Key, "expected an array");
  return A;
}

void JsonIO::bytes(llvm::StringRef Key, std::string &S) {
  if (Out) {
    (*Out)[Key] = bytesToJSON(S);
    return;
  }
  if (const Value *V = get(Key))
    if (!bytesFromJSON(*V, S))
      fail(Key, "expected a string or {\"hex\": ...}");
}

template <typename T>
void JsonIO::scalar(llvm::StringRef Key, T &Value,
                    std::optional<T> (llvm::json::Value::*As)() const,
                    llvm::StringLiteral Expected) {
  if (Out) {
    (*Out)[Key] = Value;
    return;
  }
  const llvm::json::Value *V = get(Key);
  if (!V)
    return;
  std::optional<T> Read = (V->*As)();
  if (!Read)
    return fail(Key, Expected);
  Value = *Read;
}

void JsonIO::number(llvm::StringRef Key, uint64_t &N) {
  scalar(Key, N, &Value::getAsUINT64, "expected an unsigned integer");
}

void JsonIO::number(llvm::StringRef Key, double &N) {
  scalar(Key, N, &Value::getAsNumber, "expected a number");
}

void JsonIO::flag(llvm::StringRef Key, bool &B) {
  scalar(Key, B, &Value::getAsBoolean, "expected true or false");
}

void JsonIO::number(llvm::StringRef Key, unsigned &N) {
  uint64_t Wide = N;
  number(Key, Wide);
  if (Ok && Wide > std::numeric_limits<unsigned>::max())
    return fail(Key, "number out of range");
  N = static_cast<unsigned>(Wide);
}

void JsonIO::number(llvm::StringRef Key, long &N) {
  // Peak RSS in KiB: never negative.
  uint64_t Wide = N < 0 ? 0 : static_cast<uint64_t>(N);
  number(Key, Wide);
  if (Ok && Wide > uint64_t(std::numeric_limits<long>::max()))
    return fail(Key, "number out of range");
  N = static_cast<long>(Wide);
}

void JsonIO::strings(llvm::StringRef Key, std::vector<std::string> &List) {
  if (Out) {
    Array A;
    for (const std::string &S : List)
      A.push_back(bytesToJSON(S));
    (*Out)[Key] = std::move(A);
    return;
  }
  const Array *A = array(Key);
  for (size_t I = 0; A && Ok && I < A->size(); ++I)
    if (!bytesFromJSON((*A)[I], List.emplace_back()))
      fail(Key, "expected strings");
}

void JsonIO::strings(llvm::StringRef Key, std::set<std::string> &Set) {
  std::vector<std::string> List;
  if (Out)
    List.assign(Set.begin(), Set.end());
  strings(Key, List);
  if (!Out)
    Set.insert(List.begin(), List.end());
}

// The records of a TU's result. Enums go by name, so a findings file says
// what it means.
static const char *const KindNames[] = {"rewrite", "needs-attention", "report"};
static const char *const SideNames[] = {"any", "new", "old", "definition"};

void mapRecord(JsonIO &IO, FileEdit &E) {
  IO.bytes("path", E.Path);
  IO.number("offset", E.Offset);
  IO.number("length", E.Length);
  IO.bytes("text", E.Text);
  IO.name("side", E.Side, SideNames);
  IO.number("guardOffset", E.GuardOffset);
  IO.number("guardLength", E.GuardLength);
}

void mapRecord(JsonIO &IO, SiteRecord &S) {
  IO.bytes("path", S.Path);
  IO.number("line", S.Line);
  IO.number("column", S.Column);
  IO.number("offset", S.Offset);
  IO.bytes("rule", S.Rule);
  IO.bytes("api", S.Api);
  IO.bytes("migration", S.Migration);
  IO.name("kind", S.Kind, KindNames);
  IO.bytes("message", S.Message);
  IO.records("edits", S.Edits);
  IO.strings("requires", S.Requires);
  IO.bytes("onlyIfBlocked", S.OnlyIfBlocked);
  IO.records("interimEdits", S.InterimEdits);
  IO.bytes("reviewNote", S.ReviewNote);
}

void mapRecord(JsonIO &IO, FileSnapshot &S) {
  IO.bytes("path", S.Path);
  IO.number("hash", S.Hash);
  IO.number("size", S.Size);
}

void mapRecord(JsonIO &IO, TuResult &R) {
  IO.bytes("file", R.File);
  IO.bytes("database", R.Database);
  IO.flag("parsed", R.Parsed);
  IO.number("errors", R.Errors);
  IO.strings("errorLines", R.ErrorLines);
  IO.records("sites", R.Sites);
  IO.records("snapshots", R.Snapshots);
  IO.number("outsideRootSites", R.OutsideRootSites);
  IO.strings("filesSeen", R.FilesSeen);
  IO.strings("droppedFlags", R.DroppedFlags);
  IO.number("bodiesParsed", R.BodiesParsed);
  IO.number("bodiesSkipped", R.BodiesSkipped);
  IO.number("parseCpuSeconds", R.ParseCpuSeconds);
  IO.number("matchCpuSeconds", R.MatchCpuSeconds);
}

void mapRecord(JsonIO &IO, WorkerOutcome &O) {
  IO.record("result", O.Result);
  IO.bytes("failure", O.Failure);
  IO.number("peakRssKiB", O.PeakRssKiB);
  IO.number("seconds", O.Seconds);
  IO.number("cpuSeconds", O.CpuSeconds);
}

} // namespace gup
