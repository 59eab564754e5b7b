//===- Compat.cpp - Output that builds before and after Linux 6.5 ---------===//
#include "Compat.h"

#include "GupApi.h"
#include "SkippedCode.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"

#include <algorithm>

using namespace clang;

namespace gup {

llvm::StringRef newApiTest() {
  return "LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)";
}

std::string compatWrapperName(llvm::StringRef Api) {
  return "gup_compat_" + Api.str();
}

//===----------------------------------------------------------------------===//
// Where a version test can go: whole lines holding whole statements.
//===----------------------------------------------------------------------===//

namespace {

bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v'; }

/// The offset of the first character of the line holding \p At.
size_t lineStart(llvm::StringRef Text, size_t At) {
  if (At == 0)
    return 0;
  // rfind() looks before its position: a newline right before At counts.
  size_t NL = Text.rfind('\n', At);
  return NL == llvm::StringRef::npos ? 0 : NL + 1;
}

/// If only blanks (and comments) follow \p At on its line, the offset just
/// after the line's newline (or the end of the text).
std::optional<size_t> restOfLineIsEmpty(llvm::StringRef Text, size_t At) {
  size_t I = At;
  while (I < Text.size()) {
    char C = Text[I];
    if (C == '\n')
      return I + 1;
    if (isBlank(C)) {
      ++I;
      continue;
    }
    if (Text.substr(I).starts_with("//")) {
      size_t NL = Text.find('\n', I);
      return NL == llvm::StringRef::npos ? Text.size() : NL + 1;
    }
    if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        return std::nullopt;
      // A comment running onto the next line belongs to that line too.
      if (Text.slice(I, End).contains('\n'))
        return std::nullopt;
      I = End + 2;
      continue;
    }
    return std::nullopt;
  }
  return Text.size();
}

bool onlyBlanksBefore(llvm::StringRef Text, size_t At) {
  for (size_t I = lineStart(Text, At); I < At; ++I)
    if (!isBlank(Text[I]))
      return false;
  return true;
}

/// True when every #if in \p Lines is closed in it and no #else/#elif/#endif
/// of an enclosing test is: a version test around it nests properly.
bool conditionalsBalanced(llvm::StringRef Lines) {
  int Depth = 0;
  llvm::SmallVector<llvm::StringRef, 32> Split;
  Lines.split(Split, '\n');
  for (llvm::StringRef Line : Split) {
    llvm::StringRef T = Line.ltrim();
    if (!T.consume_front("#"))
      continue;
    T = T.ltrim();
    if (T.starts_with("if")) // if, ifdef, ifndef
      ++Depth;
    else if (T.starts_with("endif")) {
      if (--Depth < 0)
        return false;
    } else if ((T.starts_with("else") || T.starts_with("elif")) && Depth == 0)
      return false;
  }
  return Depth == 0;
}

/// The lines of the #define that \p At is in, or nullopt.
std::optional<std::pair<size_t, size_t>> defineAround(llvm::StringRef Text, size_t At) {
  size_t Begin = lineStart(Text, At);
  // Continuation lines: go up while the previous line ends with '\'.
  while (Begin > 0) {
    size_t PrevEnd = Begin - 1; // the '\n'
    size_t J = PrevEnd;
    while (J > 0 && Text[J - 1] == '\r')
      --J;
    if (J == 0 || Text[J - 1] != '\\')
      break;
    Begin = lineStart(Text, PrevEnd);
  }
  llvm::StringRef Head = Text.substr(Begin).ltrim(" \t");
  if (!Head.consume_front("#") || !Head.ltrim(" \t").starts_with("define"))
    return std::nullopt;
  size_t End = At;
  while (true) {
    size_t NL = Text.find('\n', End);
    if (NL == llvm::StringRef::npos)
      return std::make_pair(Begin, Text.size());
    size_t J = NL;
    while (J > 0 && Text[J - 1] == '\r')
      --J;
    if (J == 0 || Text[J - 1] != '\\')
      return std::make_pair(Begin, NL + 1);
    End = NL + 1;
  }
}

/// Visual width of \p Blanks (tabs every 8 columns) from column \p From.
unsigned widthOf(llvm::StringRef Blanks, unsigned From = 0) {
  unsigned Column = From;
  for (char C : Blanks)
    Column = C == '\t' ? (Column / 8 + 1) * 8 : Column + 1;
  return Column - From;
}

std::string indentOfWidth(unsigned Width) {
  return std::string(Width / 8, '\t') + std::string(Width % 8, ' ');
}

/// For the argument list whose '(' follows \p AfterName (blanks allowed):
/// each continuation line indented to just after the '(' (kernel style), as
/// (offset of the line, (bytes of its indentation, its visual width)).
std::vector<std::pair<size_t, std::pair<unsigned, unsigned>>>
alignedContinuations(llvm::StringRef Text, size_t AfterName) {
  std::vector<std::pair<size_t, std::pair<unsigned, unsigned>>> Lines;
  size_t Open = AfterName;
  while (Open < Text.size() && isBlank(Text[Open]))
    ++Open;
  if (Open >= Text.size() || Text[Open] != '(')
    return Lines;
  size_t Start = lineStart(Text, Open);
  unsigned Column = widthOf(Text.slice(Start, Open)) + 1;
  int Depth = 0;
  for (size_t I = Open; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"' || C == '\'') {
      for (++I; I < Text.size() && Text[I] != C && Text[I] != '\n'; ++I)
        if (Text[I] == '\\')
          ++I;
      continue;
    }
    if (C == '(')
      ++Depth;
    else if (C == ')' && --Depth == 0)
      break;
    else if (C == '\n') {
      size_t Indent = I + 1;
      while (Indent < Text.size() && isBlank(Text[Indent]))
        ++Indent;
      llvm::StringRef Blanks = Text.slice(I + 1, Indent);
      if (widthOf(Blanks) == Column && Blanks.find_first_not_of(" \t") == llvm::StringRef::npos)
        Lines.push_back({I + 1, {unsigned(Blanks.size()), Column}});
    }
  }
  return Lines;
}

} // namespace

/// Every statement that is an item of a { } block, as whole lines of its
/// file, for the TU (built on the first guarded edit).
struct CompatSink::StatementIndex {
  struct Span {
    unsigned Begin, End; ///< whole lines
  };
  llvm::DenseMap<FileID, std::vector<Span>> ByFile;

  StatementIndex(ASTContext &Ctx) {
    struct Visitor : RecursiveASTVisitor<Visitor> {
      StatementIndex &Index;
      const SourceManager &SM;
      const LangOptions &LO;
      Visitor(StatementIndex &Index, ASTContext &Ctx)
          : Index(Index), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()) {}
      bool VisitCompoundStmt(CompoundStmt *Block) {
        for (Stmt *S : Block->body())
          add(S);
        return true;
      }
      void add(Stmt *S) {
        SourceLocation B = SM.getExpansionLoc(S->getBeginLoc());
        SourceLocation E = SM.getExpansionRange(S->getEndLoc()).getEnd();
        if (B.isInvalid() || E.isInvalid())
          return;
        E = Lexer::getLocForEndOfToken(E, 0, SM, LO);
        auto [File, Begin] = SM.getDecomposedLoc(B);
        auto [EndFile, End] = SM.getDecomposedLoc(E);
        if (File != EndFile || End < Begin)
          return;
        bool Invalid = false;
        llvm::StringRef Text = SM.getBufferData(File, &Invalid);
        if (Invalid)
          return;
        // Expression statements end before their ';'.
        size_t I = End;
        while (I < Text.size() && (isBlank(Text[I]) || Text[I] == '\n'))
          ++I;
        if (I < Text.size() && Text[I] == ';')
          End = I + 1;
        if (!onlyBlanksBefore(Text, Begin))
          return;
        std::optional<size_t> LineEnd = restOfLineIsEmpty(Text, End);
        if (!LineEnd)
          return;
        unsigned From = lineStart(Text, Begin);
        if (!conditionalsBalanced(Text.slice(From, *LineEnd)))
          return;
        Index.ByFile[File].push_back({From, static_cast<unsigned>(*LineEnd)});
      }
    };
    Visitor V(*this, Ctx);
    V.TraverseDecl(Ctx.getTranslationUnitDecl());
  }

  /// The smallest whole-lines statement span holding [Begin, End).
  std::optional<Span> around(FileID File, unsigned Begin, unsigned End) const {
    auto It = ByFile.find(File);
    if (It == ByFile.end())
      return std::nullopt;
    std::optional<Span> Best;
    for (const Span &S : It->second)
      if (S.Begin <= Begin && End <= S.End &&
          (!Best || S.End - S.Begin < Best->End - Best->Begin))
        Best = S;
    return Best;
  }
};

CompatSink::CompatSink(const MigrationOptions &Options, FindingSink &Next)
    : Options(Options), Next(Next) {}
CompatSink::~CompatSink() = default;

void CompatSink::setContext(ASTContext *NewCtx) {
  if (NewCtx != Ctx)
    Index.reset();
  Ctx = NewCtx;
}

void CompatSink::report(Finding F) {
  if (Options.Compat == CompatMode::None) {
    Next.report(std::move(F));
    return;
  }
  // A module consumes the API; the family itself is not its to change.
  if (F.Side == ApiSide::Definition)
    return;
  F.InterimEdits.clear();
  if (F.Kind != FindingKind::Rewrite || F.Edits.empty()) {
    Next.report(std::move(F));
    return;
  }
  if (F.Rule == SkippedCode::Rule) {
    // Without an AST there are no statements to put a test around.
    F.Kind = FindingKind::Report;
    F.Edits.clear();
    F.Message += "; not changed: --compat cannot place a version test in code "
                 "this build skips; migrate it by hand, or run again with a "
                 "configuration that compiles it";
    Next.report(std::move(F));
    return;
  }
  if (F.Side == ApiSide::Any || !Ctx) {
    Next.report(std::move(F));
    return;
  }
  const SourceManager &SM = Ctx->getSourceManager();
  const LangOptions &LO = Ctx->getLangOpts();

  if (Options.Compat == CompatMode::Header) {
    // The wrapper has the pre-6.5 form inside; the site needs only the new.
    if (F.Side == ApiSide::Old)
      return;
    if (F.CalleeLoc.isValid()) {
      SourceLocation Name = SM.getSpellingLoc(F.CalleeLoc);
      std::pair<FileID, unsigned> At = SM.getDecomposedLoc(Name);
      FileID File = At.first;
      unsigned Offset = At.second;
      unsigned Length = Lexer::MeasureTokenLength(Name, SM, LO);
      llvm::StringRef Spelled = SM.getBufferData(File).substr(Offset, Length);
      bool Covered = llvm::any_of(F.Edits, [&](const TextEdit &E) {
        auto [EFile, EBegin] = SM.getDecomposedLoc(E.Range.getBegin());
        unsigned EEnd = SM.getDecomposedLoc(E.Range.getEnd()).second;
        return EFile == File && EBegin <= Offset && Offset < EEnd;
      });
      const GupFunction *Api = findGupFunction(Spelled);
      if (!Covered && Api && Api->Public) {
        std::string Wrapper = compatWrapperName(Spelled);
        F.Edits.push_back({CharSourceRange::getCharRange(
                               Name, Name.getLocWithOffset(Length)),
                           Wrapper});
        // Continuation lines aligned after the '(' move with it.
        for (auto [LineStart, Width] :
             alignedContinuations(SM.getBufferData(File), Offset + Length))
          F.Edits.push_back(
              {CharSourceRange::getCharRange(
                   SM.getComposedLoc(File, LineStart),
                   SM.getComposedLoc(File, LineStart).getLocWithOffset(Width.first)),
               indentOfWidth(Width.second + Wrapper.size() - Length)});
      }
    }
    Next.report(std::move(F));
    return;
  }

  if (!Index)
    Index = std::make_unique<StatementIndex>(*Ctx);
  for (TextEdit &E : F.Edits) {
    auto [File, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
    unsigned End = SM.getDecomposedLoc(E.Range.getEnd()).second;
    llvm::StringRef Text = SM.getBufferData(File);
    std::optional<std::pair<size_t, size_t>> Lines;
    if (std::optional<StatementIndex::Span> S = Index->around(File, Begin, End))
      Lines = {S->Begin, S->End};
    else if (onlyBlanksBefore(Text, Begin) && Begin == lineStart(Text, Begin) &&
             (End == Begin || End == Text.size() || (End > 0 && Text[End - 1] == '\n')))
      Lines = {Begin, End}; // whole lines of their own (an inserted line)
    else
      Lines = defineAround(Text, Begin);
    if (!Lines || !conditionalsBalanced(Text.slice(Lines->first, Lines->second))) {
      Finding Why;
      Why.Rule = F.Rule;
      Why.Api = F.Api;
      Why.Kind = FindingKind::NeedsAttention;
      Why.Loc = F.Loc;
      unsigned Line = SM.getLineNumber(File, Begin);
      Why.Message = F.Message + "; --compat=guard cannot place a version test "
                                "around its edit at line " + std::to_string(Line) +
                    (Lines ? " (the lines around it hold only part of an #if "
                             "group)"
                           : " (it is not in whole statements on lines of "
                             "their own)") +
                    "; edit it by hand";
      Next.report(std::move(Why));
      return;
    }
    SourceLocation Start = SM.getComposedLoc(File, Lines->first);
    E.Guard = CharSourceRange::getCharRange(
        Start, Start.getLocWithOffset(Lines->second - Lines->first));
  }
  Next.report(std::move(F));
}

//===----------------------------------------------------------------------===//
// Composition of one file's edits (pure text).
//===----------------------------------------------------------------------===//

namespace {

/// The offset just after the last #include line before \p Before whose
/// spelling is \p Angled (<...> or "..."), or after the last #include of
/// any kind when there is none of that kind; 0 when there is none at all.
size_t afterIncludes(llvm::StringRef Text, size_t Before, bool Angled) {
  size_t Any = 0, Kind = 0, Line = 0;
  while (Line < Text.size() && Line < Before) {
    size_t NL = Text.find('\n', Line);
    size_t Next = NL == llvm::StringRef::npos ? Text.size() : NL + 1;
    llvm::StringRef T = Text.slice(Line, Next).ltrim(" \t");
    if (T.consume_front("#") && (T = T.ltrim(" \t")).consume_front("include")) {
      Any = Next;
      if (T.ltrim(" \t").starts_with(Angled ? "<" : "\""))
        Kind = Next;
    }
    Line = Next;
  }
  return Kind ? Kind : Any;
}

bool includes(llvm::StringRef Text, llvm::StringRef Header) {
  llvm::Regex Re("^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"]");
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Text.split(Lines, '\n');
  llvm::SmallVector<llvm::StringRef, 2> M;
  for (llvm::StringRef L : Lines)
    if (Re.match(L, &M) && M[1] == Header)
      return true;
  return false;
}

std::string applyInside(llvm::StringRef Original, size_t Begin, size_t End,
                        const std::vector<const FileEdit *> &Inside) {
  std::vector<FileEdit> Relative;
  for (const FileEdit *E : Inside) {
    FileEdit R = *E;
    R.Offset -= Begin;
    Relative.push_back(std::move(R));
  }
  std::string Text = ChangePlan::apply(Original.slice(Begin, End), Relative);
  if (!Text.empty() && Text.back() != '\n')
    Text += '\n';
  return Text;
}

} // namespace

llvm::Expected<std::vector<FileEdit>>
composeVersionGuards(llvm::StringRef Original, const std::vector<FileEdit> &Edits) {
  struct Group {
    size_t Begin, End;
  };
  std::vector<Group> Groups;
  for (const FileEdit &E : Edits)
    if (E.Side == ApiSide::New || E.Side == ApiSide::Old)
      Groups.push_back({E.GuardOffset, size_t(E.GuardOffset) + E.GuardLength});
  if (Groups.empty())
    return Edits;
  llvm::sort(Groups, [](const Group &A, const Group &B) {
    return A.Begin != B.Begin ? A.Begin < B.Begin : A.End < B.End;
  });
  std::vector<Group> Merged;
  for (const Group &G : Groups) {
    if (!Merged.empty() && G.Begin <= Merged.back().End)
      Merged.back().End = std::max(Merged.back().End, G.End);
    else
      Merged.push_back(G);
  }

  std::vector<FileEdit> Out;
  std::string Path = Edits.front().Path;
  std::vector<std::vector<const FileEdit *>> NewSide(Merged.size()),
      OldSide(Merged.size());
  for (const FileEdit &E : Edits) {
    size_t Begin = E.Offset, End = size_t(E.Offset) + E.Length;
    auto In = llvm::find_if(Merged, [&](const Group &G) {
      return G.Begin <= Begin && End <= G.End;
    });
    if (In == Merged.end()) {
      bool Straddles = llvm::any_of(Merged, [&](const Group &G) {
        return Begin < G.End && G.Begin < End;
      });
      if (Straddles || E.Side != ApiSide::Any)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "an edit at bytes " + std::to_string(Begin) + "-" + std::to_string(End) +
                " crosses the lines of a version test");
      Out.push_back(E);
      continue;
    }
    size_t K = In - Merged.begin();
    if (E.Side != ApiSide::Old)
      NewSide[K].push_back(&E);
    if (E.Side != ApiSide::New)
      OldSide[K].push_back(&E);
  }

  std::string Test = newApiTest().str();
  for (size_t K = 0; K < Merged.size(); ++K) {
    const Group &G = Merged[K];
    std::string New = applyInside(Original, G.Begin, G.End, NewSide[K]);
    std::string Old = applyInside(Original, G.Begin, G.End, OldSide[K]);
    std::string Text;
    if (New == Old)
      Text = New;
    else if (Old.empty())
      Text = "#if " + Test + "\n" + New + "#endif\n";
    else if (New.empty())
      Text = "#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)\n" + Old + "#endif\n";
    else
      Text = "#if " + Test + "\n" + New + "#else\n" + Old + "#endif\n";
    Out.push_back({Path, unsigned(G.Begin), unsigned(G.End - G.Begin), Text});
  }
  if (!includes(Original, "linux/version.h"))
    Out.push_back({Path, unsigned(afterIncludes(Original, Merged.front().Begin, true)),
                   0, "#include <linux/version.h>\n"});
  // An insertion goes before a replacement that starts at the same place.
  llvm::sort(Out, [](const FileEdit &A, const FileEdit &B) {
    return std::tie(A.Offset, A.Length) < std::tie(B.Offset, B.Length);
  });
  return Out;
}

std::vector<FileEdit> composeCompatHeader(llvm::StringRef Original,
                                          const std::vector<FileEdit> &Edits,
                                          llvm::StringRef IncludeSpelling) {
  std::vector<FileEdit> Out;
  bool UsesNewApi = false;
  for (const FileEdit &E : Edits) {
    if (E.Side == ApiSide::Old)
      continue;
    UsesNewApi |= E.Side == ApiSide::New;
    FileEdit Plain = E;
    Plain.Side = ApiSide::Any;
    Plain.GuardOffset = Plain.GuardLength = 0;
    Out.push_back(std::move(Plain));
  }
  if (UsesNewApi && !includes(Original, IncludeSpelling) && !Out.empty()) {
    std::string Path = Out.front().Path;
    Out.push_back({Path, unsigned(afterIncludes(Original, Out.front().Offset, false)),
                   0, "#include \"" + IncludeSpelling.str() + "\"\n"});
  }
  // An insertion goes before a replacement that starts at the same place.
  llvm::sort(Out, [](const FileEdit &A, const FileEdit &B) {
    return std::tie(A.Offset, A.Length) < std::tie(B.Offset, B.Length);
  });
  return Out;
}

//===----------------------------------------------------------------------===//
// The compat header.
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral HeaderMarker =
    "Written by gup-rewrite --compat=header";

bool isOurCompatHeader(llvm::StringRef Text) { return Text.contains(HeaderMarker); }

std::string compatHeaderText(llvm::StringRef FileName) {
  std::string Guard;
  for (char C : FileName)
    Guard += isalnum(static_cast<unsigned char>(C)) ? toupper(C) : '_';
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "/* SPDX-License-Identifier: GPL-2.0 */\n"
     << "/*\n"
     << " * " << FileName << " - GUP calls that build before and after Linux 6.5,\n"
     << " * which removed the vmas parameter of get_user_pages() and friends.\n"
     << " * " << HeaderMarker << "; a second run leaves it\n"
     << " * as it is. Kernels from 5.9 on (get_user_pages_remote() lost its\n"
     << " * task_struct argument in 5.9).\n"
     << " */\n"
     << "#ifndef " << Guard << "\n#define " << Guard << "\n\n"
     << "#include <linux/err.h>\n#include <linux/mm.h>\n#include <linux/version.h>\n";
  for (const GupFunction &F : gupFamily()) {
    if (!F.Public || F.Parameters.empty())
      continue;
    llvm::SmallVector<llvm::StringRef, 8> Params;
    F.Parameters.split(Params, ", ");
    std::string Kept, NewArgs, OldArgs;
    for (unsigned I = 0; I < Params.size(); ++I) {
      llvm::StringRef Param = Params[I];
      size_t NameAt = Param.find_last_of(" *") + 1;
      llvm::StringRef Name = Param.substr(NameAt);
      OldArgs += (I ? ", " : "") + (I == F.VmasIndex ? std::string("NULL") : Name.str());
      if (I == F.VmasIndex)
        continue;
      Kept += (Kept.empty() ? "" : ", ") + Param.str();
      NewArgs += (NewArgs.empty() ? "" : ", ") + Name.str();
    }
    // Kernel style: continuation lines line up after the '(' within 80
    // columns (tabs are 8 wide).
    std::string Head = "static inline " + F.ReturnType.str() + " " +
                       compatWrapperName(F.Name) + "(";
    size_t Align = Head.size(), Column = Align;
    std::string Indent = std::string(Align / 8, '\t') + std::string(Align % 8, ' ');
    llvm::SmallVector<llvm::StringRef, 8> KeptParams;
    llvm::StringRef(Kept).split(KeptParams, ", ");
    for (size_t I = 0; I < KeptParams.size(); ++I) {
      std::string Piece = KeptParams[I].str() + (I + 1 < KeptParams.size() ? "," : ")");
      if (I > 0 && Column + 1 + Piece.size() > 80) {
        Head += "\n" + Indent;
        Column = Align;
      } else if (I > 0) {
        Head += " ";
        ++Column;
      }
      Head += Piece;
      Column += Piece.size();
    }
    OS << "\n" << Head << "\n{\n"
       << "#if " << newApiTest() << "\n"
       << "\treturn " << F.Name << "(" << NewArgs << ");\n"
       << "#else\n"
       << "\treturn " << F.Name << "(" << OldArgs << ");\n"
       << "#endif\n}\n";
  }
  OS << "\n#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)\n"
     << "/* Linux 6.5's helper: the page at addr and its VMA (mmap_lock held). */\n"
     << "static inline struct page *get_user_page_vma_remote(struct mm_struct *mm,\n"
     << "\t\t\t\t\t\t    unsigned long addr, int gup_flags,\n"
     << "\t\t\t\t\t\t    struct vm_area_struct **vmap)\n"
     << "{\n"
     << "\tstruct vm_area_struct *vma;\n"
     << "\tstruct page *page;\n"
     << "\tlong got = get_user_pages_remote(mm, addr, 1, gup_flags, &page, &vma, NULL);\n"
     << "\n"
     << "\tif (got < 0)\n\t\treturn ERR_PTR(got);\n"
     << "\tif (got == 0)\n\t\treturn NULL;\n"
     << "\t*vmap = vma;\n"
     << "\treturn page;\n"
     << "}\n"
     << "#endif\n\n#endif /* " << Guard << " */\n";
  return Out;
}

} // namespace gup
