//===- RecordJson.h - What a TU found, as JSON ----------------------------===//
//
// One serialization of a TU's results, used twice: a worker sends its
// outcome to the parent with it, and a shard (--findings) writes its TUs'
// outcomes with it, so the merge step reads exactly what a single run would
// have merged. Every field of TuResult and of the records in it must be
// written and read here. Strings that are not UTF-8 (a Latin-1 comment
// quoted in an edit) are kept byte for byte as {"hex": "..."}.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_RECORDJSON_H
#define GUP_TOOL_RECORDJSON_H

#include "Workers.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace gup {

llvm::json::Value toJSON(const TuResult &Result);
bool fromJSON(const llvm::json::Value &V, TuResult &Result, llvm::json::Path P);

/// A TU's outcome (its result, or how its worker died) and its costs.
llvm::json::Value toJSON(const WorkerOutcome &Outcome);
bool fromJSON(const llvm::json::Value &V, WorkerOutcome &Outcome,
              llvm::json::Path P);

/// Any bytes, as a JSON string when they are UTF-8, else as {"hex": "..."}.
llvm::json::Value bytesToJSON(llvm::StringRef Bytes);

/// Reads the members of one JSON object; the first problem is reported to
/// the path and makes ok() false.
class JsonFields {
public:
  JsonFields(const llvm::json::Value &V, llvm::json::Path P);
  bool ok() const { return Ok; }
  const llvm::json::Value *get(llvm::StringRef Key);
  void bytes(llvm::StringRef Key, std::string &Out);
  void number(llvm::StringRef Key, unsigned &Out);
  void number(llvm::StringRef Key, uint64_t &Out);
  void number(llvm::StringRef Key, double &Out);
  void flag(llvm::StringRef Key, bool &Out);
  /// An array; \p Each reads one element (its value and path).
  template <typename Fn> void array(llvm::StringRef Key, Fn Each) {
    const llvm::json::Value *V = get(Key);
    if (!V)
      return;
    const llvm::json::Array *A = V->getAsArray();
    if (!A)
      return fail(Key, "expected an array");
    for (size_t I = 0; I < A->size() && Ok; ++I)
      Ok = Each((*A)[I], P.field(Key).index(I));
  }
  void strings(llvm::StringRef Key, std::vector<std::string> &Out);

private:
  void fail(llvm::StringRef Key, llvm::StringLiteral Why);
  const llvm::json::Object *O;
  llvm::json::Path P;
  bool Ok = true;
};

bool bytesFromJSON(const llvm::json::Value &V, std::string &Out, llvm::json::Path P);

} // namespace gup

#endif
