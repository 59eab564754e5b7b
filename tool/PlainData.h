//===- PlainData.h - Records as bytes, and back ---------------------------===//
//
// The little-endian encoding workers hand their results back in, and the
// prefilter's cache is written in: fixed 8-byte integers, length-prefixed
// strings. A Reader never reads past its data; a short or corrupt input
// clears Ok.
//
//===----------------------------------------------------------------------===//
#ifndef GUP_TOOL_PLAINDATA_H
#define GUP_TOOL_PLAINDATA_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace gup {

class Writer {
public:
  std::string Out;
  void u64(uint64_t V) {
    for (int I = 0; I < 8; ++I)
      Out.push_back(char((V >> (8 * I)) & 0xff));
  }
  void str(llvm::StringRef S) {
    u64(S.size());
    Out.append(S.data(), S.size());
  }
  template <typename Container> void strings(const Container &C) {
    u64(C.size());
    for (const std::string &S : C)
      str(S);
  }
};

class Reader {
public:
  explicit Reader(llvm::StringRef Data) : Data(Data) {}
  bool Ok = true;
  uint64_t u64() {
    if (Data.size() < 8) {
      Ok = false;
      return 0;
    }
    uint64_t V = 0;
    for (int I = 0; I < 8; ++I)
      V |= uint64_t(uint8_t(Data[I])) << (8 * I);
    Data = Data.drop_front(8);
    return V;
  }
  std::string str() {
    uint64_t N = u64();
    if (!Ok || N > Data.size()) {
      Ok = false;
      return {};
    }
    std::string S = Data.take_front(N).str();
    Data = Data.drop_front(N);
    return S;
  }
  /// A count of items each at least \p MinBytes long: bounded by the data.
  uint64_t count(uint64_t MinBytes) {
    uint64_t N = u64();
    if (N > Data.size() / MinBytes)
      Ok = false;
    return Ok ? N : 0;
  }
  bool atEnd() const { return Data.empty(); }

private:
  llvm::StringRef Data;
};

} // namespace gup

#endif
