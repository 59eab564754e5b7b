//===- UnifiedDiff.cpp - git-style unified diffs --------------------------===//
//
// Myers' O(ND) line diff on the part of the file between the common prefix
// and suffix; our edits are few and local, so D stays small.
//
//===----------------------------------------------------------------------===//
#include "UnifiedDiff.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <vector>

namespace gup {
namespace {

struct Line {
  llvm::StringRef Text; // without the newline
  bool HasNewline;
};

std::vector<Line> splitLines(llvm::StringRef Text) {
  std::vector<Line> Lines;
  while (!Text.empty()) {
    size_t End = Text.find('\n');
    if (End == llvm::StringRef::npos) {
      Lines.push_back({Text, false});
      break;
    }
    Lines.push_back({Text.substr(0, End), true});
    Text = Text.substr(End + 1);
  }
  return Lines;
}

bool sameLine(const Line &A, const Line &B) {
  return A.Text == B.Text && A.HasNewline == B.HasNewline;
}

enum class Op { Keep, Delete, Insert };

/// Myers' algorithm with the V array saved per step for backtracking.
std::vector<Op> diffOps(const std::vector<Line> &A, size_t ABegin, size_t AEnd,
                        const std::vector<Line> &B, size_t BBegin, size_t BEnd) {
  const long N = AEnd - ABegin, M = BEnd - BBegin, Max = N + M;
  const long Offset = Max + 1;
  std::vector<long> V(2 * Max + 3, 0);
  std::vector<std::vector<long>> Trace;
  long FoundD = -1;
  for (long D = 0; D <= Max && FoundD < 0; ++D) {
    Trace.push_back(V);
    for (long K = -D; K <= D; K += 2) {
      long X;
      if (K == -D || (K != D && V[Offset + K - 1] < V[Offset + K + 1]))
        X = V[Offset + K + 1];
      else
        X = V[Offset + K - 1] + 1;
      long Y = X - K;
      while (X < N && Y < M &&
             sameLine(A[ABegin + X], B[BBegin + Y])) {
        ++X;
        ++Y;
      }
      V[Offset + K] = X;
      if (X >= N && Y >= M) {
        FoundD = D;
        break;
      }
    }
  }
  std::vector<Op> Ops;
  long X = N, Y = M;
  for (long D = FoundD; D > 0; --D) {
    const std::vector<long> &Prev = Trace[D];
    long K = X - Y;
    long PrevK;
    if (K == -D || (K != D && Prev[Offset + K - 1] < Prev[Offset + K + 1]))
      PrevK = K + 1;
    else
      PrevK = K - 1;
    long PrevX = Prev[Offset + PrevK];
    long PrevY = PrevX - PrevK;
    while (X > PrevX && Y > PrevY) {
      Ops.push_back(Op::Keep);
      --X;
      --Y;
    }
    Ops.push_back(X == PrevX ? Op::Insert : Op::Delete);
    X = PrevX;
    Y = PrevY;
  }
  while (X > 0 && Y > 0) {
    Ops.push_back(Op::Keep);
    --X;
    --Y;
  }
  std::reverse(Ops.begin(), Ops.end());
  return Ops;
}

void printLine(llvm::raw_ostream &OS, char Mark, const Line &L) {
  OS << Mark << L.Text << '\n';
  if (!L.HasNewline)
    OS << "\\ No newline at end of file\n";
}

} // namespace

/// What git prints after a hunk's "@@" with its default rule: the nearest
/// line above the hunk that starts with a letter, '_' or '$' (in C, the
/// function or declaration the hunk is in), cut at 80 bytes. Reviewers read
/// hunks by this name.
static std::string hunkContext(const std::vector<Line> &Lines,
                               size_t HunkStart) {
  for (size_t I = HunkStart; I-- > 0;) {
    llvm::StringRef Text = Lines[I].Text.rtrim();
    if (!Text.empty() && (isalpha(static_cast<unsigned char>(Text[0])) ||
                          Text[0] == '_' || Text[0] == '$'))
      return " " + Text.take_front(80).rtrim().str();
  }
  return "";
}

std::string unifiedDiff(llvm::StringRef Path, llvm::StringRef Old,
                        llvm::StringRef New, unsigned Context, bool Created) {
  if (Old == New)
    return "";
  std::vector<Line> A = splitLines(Old), B = splitLines(New);
  size_t Prefix = 0;
  while (Prefix < A.size() && Prefix < B.size() && sameLine(A[Prefix], B[Prefix]))
    ++Prefix;
  size_t Suffix = 0;
  while (Suffix < A.size() - Prefix && Suffix < B.size() - Prefix &&
         sameLine(A[A.size() - 1 - Suffix], B[B.size() - 1 - Suffix]))
    ++Suffix;

  // The full edit script: the common prefix, Myers on the middle, the suffix.
  std::vector<Op> Ops(Prefix, Op::Keep);
  std::vector<Op> Middle =
      diffOps(A, Prefix, A.size() - Suffix, B, Prefix, B.size() - Suffix);
  Ops.insert(Ops.end(), Middle.begin(), Middle.end());
  Ops.insert(Ops.end(), Suffix, Op::Keep);

  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "diff --git a/" << Path << " b/" << Path << "\n";
  if (Created)
    OS << "new file mode 100644\n--- /dev/null\n+++ b/" << Path << "\n";
  else
    OS << "--- a/" << Path << "\n+++ b/" << Path << "\n";

  // Walk the script, cutting it into hunks separated by > 2*Context kept lines.
  size_t I = 0;
  const size_t NOps = Ops.size();
  // Positions (0-based) in A and B at each op index.
  std::vector<size_t> PosA(NOps + 1), PosB(NOps + 1);
  for (size_t J = 0; J < NOps; ++J) {
    PosA[J + 1] = PosA[J] + (Ops[J] != Op::Insert);
    PosB[J + 1] = PosB[J] + (Ops[J] != Op::Delete);
  }
  while (I < NOps) {
    while (I < NOps && Ops[I] == Op::Keep)
      ++I;
    if (I == NOps)
      break;
    size_t Start = I >= Context ? I - Context : 0;
    // Extend the hunk while the next change is within 2*Context kept lines.
    size_t End = I;
    while (true) {
      while (End < NOps && Ops[End] != Op::Keep)
        ++End;
      size_t Next = End;
      while (Next < NOps && Ops[Next] == Op::Keep)
        ++Next;
      if (Next < NOps && Next - End <= 2 * Context) {
        End = Next;
        continue;
      }
      End = std::min(NOps, End + Context);
      break;
    }
    size_t LenA = PosA[End] - PosA[Start], LenB = PosB[End] - PosB[Start];
    OS << "@@ -" << (LenA ? PosA[Start] + 1 : PosA[Start]);
    if (LenA != 1)
      OS << "," << LenA;
    OS << " +" << (LenB ? PosB[Start] + 1 : PosB[Start]);
    if (LenB != 1)
      OS << "," << LenB;
    OS << " @@" << hunkContext(A, PosA[Start]) << "\n";
    for (size_t J = Start; J < End; ++J) {
      switch (Ops[J]) {
      case Op::Keep:
        printLine(OS, ' ', A[PosA[J]]);
        break;
      case Op::Delete:
        printLine(OS, '-', A[PosA[J]]);
        break;
      case Op::Insert:
        printLine(OS, '+', B[PosB[J]]);
        break;
      }
    }
    I = End;
  }
  return Out;
}

} // namespace gup
