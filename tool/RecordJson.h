//===- RecordJson.h - What a TU found, as JSON ----------------------------===//
//
// One serialization of a TU's results, used twice: a worker sends its
// result to the parent with it, and a shard (--findings) writes its TUs'
// outcomes with it, so the merge step reads exactly what a single run would
// have merged. Each record lists its fields once, in a mapRecord() overload
// that both writes and reads them (JsonIO), so writing and reading cannot
// drift apart; every field of the records must be listed there. Strings
// that are not UTF-8 (a Latin-1 comment quoted in a message) are kept byte
// for byte as {"hex": "..."}.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_RECORDJSON_H
#define GUP_TOOL_RECORDJSON_H

#include "Workers.h"

#include "llvm/Support/JSON.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gup {

/// Writes the fields of a record into a JSON object, or reads them back
/// from one (the first problem is reported to the path; ok() is then
/// false and reading stops).
class JsonIO {
public:
  /// Writes into \p Out.
  explicit JsonIO(llvm::json::Object &Out) : Out(&Out) {}
  /// Reads from \p In.
  JsonIO(const llvm::json::Value &In, llvm::json::Path P);

  bool ok() const { return Ok; }

  void bytes(llvm::StringRef Key, std::string &S);
  void number(llvm::StringRef Key, unsigned &N);
  void number(llvm::StringRef Key, uint64_t &N); ///< also size_t (LP64)
  void number(llvm::StringRef Key, long &N);
  void number(llvm::StringRef Key, double &N);
  void flag(llvm::StringRef Key, bool &B);
  void strings(llvm::StringRef Key, std::vector<std::string> &List);
  void strings(llvm::StringRef Key, std::set<std::string> &Set);
  /// An enum by the name of its value (Names[value]).
  template <typename Enum, size_t N>
  void name(llvm::StringRef Key, Enum &E, const char *const (&Names)[N]) {
    std::string Text = Out ? Names[static_cast<size_t>(E)] : "";
    bytes(Key, Text);
    if (Out || !Ok)
      return;
    for (size_t I = 0; I < N; ++I)
      if (Text == Names[I]) {
        E = static_cast<Enum>(I);
        return;
      }
    fail(Key, "unknown name");
  }
  /// A nested record (mapRecord(JsonIO &, T &)).
  template <typename T> void record(llvm::StringRef Key, T &R) {
    if (Out) {
      llvm::json::Object O;
      JsonIO Inner(O);
      mapRecord(Inner, R);
      (*Out)[Key] = std::move(O);
    } else if (const llvm::json::Value *V = get(Key)) {
      JsonIO Inner(*V, P->field(Key));
      mapRecord(Inner, R);
      Ok = Inner.ok();
    }
  }
  /// An array of records.
  template <typename T> void records(llvm::StringRef Key, std::vector<T> &List) {
    if (Out) {
      llvm::json::Array A;
      for (T &R : List) {
        llvm::json::Object O;
        JsonIO Inner(O);
        mapRecord(Inner, R);
        A.push_back(std::move(O));
      }
      (*Out)[Key] = std::move(A);
      return;
    }
    const llvm::json::Array *A = array(Key);
    for (size_t I = 0; A && Ok && I < A->size(); ++I) {
      JsonIO Inner((*A)[I], P->field(Key).index(I));
      mapRecord(Inner, List.emplace_back());
      Ok = Inner.ok();
    }
  }

private:
  const llvm::json::Value *get(llvm::StringRef Key);
  const llvm::json::Array *array(llvm::StringRef Key);
  void fail(llvm::StringRef Key, llvm::StringLiteral Why);
  template <typename T>
  void scalar(llvm::StringRef Key, T &Value,
              std::optional<T> (llvm::json::Value::*As)() const,
              llvm::StringLiteral Expected);

  llvm::json::Object *Out = nullptr;
  const llvm::json::Object *In = nullptr;
  std::optional<llvm::json::Path> P; ///< reading only
  bool Ok = true;
};

void mapRecord(JsonIO &IO, FileEdit &E);
void mapRecord(JsonIO &IO, SiteRecord &S);
void mapRecord(JsonIO &IO, FileSnapshot &S);
void mapRecord(JsonIO &IO, TuResult &R);
void mapRecord(JsonIO &IO, WorkerOutcome &O);

/// \p R as one JSON object.
template <typename T> llvm::json::Object recordToJSON(const T &R) {
  llvm::json::Object O;
  JsonIO IO(O);
  mapRecord(IO, const_cast<T &>(R)); // writing does not change it
  return O;
}

/// Reads \p R from \p V; false (reported to \p P) when a field is missing
/// or of the wrong kind.
template <typename T>
bool recordFromJSON(const llvm::json::Value &V, T &R, llvm::json::Path P) {
  JsonIO IO(V, P);
  if (IO.ok())
    mapRecord(IO, R);
  return IO.ok();
}

} // namespace gup

#endif
