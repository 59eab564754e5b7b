//===- Compat.cpp - Output that builds before and after Linux 6.5 ---------===//
#include "Compat.h"

#include "Conditionals.h"
#include "GupApi.h"
#include "MigrationSpec.h"
#include "SkippedCode.h"
#include "SpecAnalysis.h"
#include "TextEdits.h"
#include "rules/spec/SpecRules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <map>

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
  // rfind() looks before its position: a newline at At - 1 counts.
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

/// If only blanks and comments are in \p Text.
bool onlyBlanksAndComments(llvm::StringRef Text) {
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (isBlank(C) || C == '\n')
      continue;
    if (Text.substr(I).starts_with("//")) {
      size_t NL = Text.find('\n', I);
      I = NL == llvm::StringRef::npos ? Text.size() : NL;
      continue;
    }
    if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        return false;
      I = End + 1;
      continue;
    }
    return false;
  }
  return true;
}

unsigned lineNumber(llvm::StringRef Text, size_t Offset) {
  return 1 + Text.take_front(Offset).count('\n');
}

} // namespace

/// The items of every { } block of the TU, where they are written: the
/// places a version test can enclose (whole lines holding consecutive
/// statements of one block). Built on the first guarded edit.
struct CompatSink::StatementIndex {
  struct Item {
    unsigned Begin, End; ///< first character, just after its ';' or '}'
  };
  struct Block {
    unsigned Open, Close; ///< offsets of the braces
    std::vector<Item> Items;
  };
  llvm::DenseMap<FileID, std::vector<Block>> ByFile;
  /// The declarations at file scope (not function definitions: their
  /// statements are guarded one by one), where they are written, in order.
  /// A declaration of several names (`int a = x, b = y;`) is one item.
  llvm::DenseMap<FileID, std::vector<Item>> FileScope;
  /// The heads of the function definitions at file scope, up to the
  /// last character before the body's '{': an edit there is guarded by
  /// two copies of the head over the one body.
  llvm::DenseMap<FileID, std::vector<Item>> FunctionHeads;
  const SourceManager &SM;

  StatementIndex(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {
    struct Visitor : RecursiveASTVisitor<Visitor> {
      StatementIndex &Index;
      const SourceManager &SM;
      const LangOptions &LO;
      Visitor(StatementIndex &Index, ASTContext &Ctx)
          : Index(Index), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()) {}
      bool VisitCompoundStmt(CompoundStmt *Block) {
        SourceLocation L = Block->getLBracLoc(), R = Block->getRBracLoc();
        if (!L.isFileID() || !R.isFileID() || SM.getFileID(L) != SM.getFileID(R))
          return true;
        StatementIndex::Block B{SM.getFileOffset(L), SM.getFileOffset(R), {}};
        for (Stmt *S : Block->body())
          if (std::optional<Item> I = item(S, SM.getFileID(L)))
            B.Items.push_back(*I);
        Index.ByFile[SM.getFileID(L)].push_back(std::move(B));
        return true;
      }
      std::optional<Item> item(Stmt *S, FileID InFile) {
        std::optional<Item> I = item(S->getSourceRange());
        if (!I || SM.getFileID(SM.getExpansionLoc(S->getBeginLoc())) != InFile)
          return std::nullopt;
        return I;
      }
      /// Where the statement or declaration spanning \p Range is written,
      /// with the ';' that ends it; nullopt when not in one file.
      std::optional<Item> item(SourceRange Range) {
        SourceLocation B = SM.getExpansionLoc(Range.getBegin());
        SourceLocation E = SM.getExpansionRange(Range.getEnd()).getEnd();
        if (B.isInvalid() || E.isInvalid())
          return std::nullopt;
        E = Lexer::getLocForEndOfToken(E, 0, SM, LO);
        auto [File, Begin] = SM.getDecomposedLoc(B);
        auto [EndFile, End] = SM.getDecomposedLoc(E);
        if (EndFile != File || End < Begin)
          return std::nullopt;
        llvm::StringRef Text = SM.getBufferData(File);
        // Expression statements end before their ';'.
        size_t I = End;
        while (I < Text.size() && (isBlank(Text[I]) || Text[I] == '\n'))
          ++I;
        if (I < Text.size() && Text[I] == ';')
          End = I + 1;
        return Item{Begin, End};
      }
    };
    Visitor V(*this, Ctx);
    V.TraverseDecl(Ctx.getTranslationUnitDecl());
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      if (D->isImplicit())
        continue;
      std::optional<Item> I = V.item(D->getSourceRange());
      if (!I)
        continue;
      FileID File = SM.getFileID(SM.getExpansionLoc(D->getBeginLoc()));
      if (const auto *Fn = dyn_cast<FunctionDecl>(D);
          Fn && (Fn->doesThisDeclarationHaveABody() || Fn->hasSkippedBody())) {
        // A body the front end skipped (no site in it) is not in the range.
        unsigned HeadEnd = I->End;
        if (const Stmt *Body = Fn->getBody()) {
          SourceLocation Brace = SM.getExpansionLoc(Body->getBeginLoc());
          if (Brace.isValid() && SM.getFileID(Brace) == File) {
            llvm::StringRef Text = SM.getBufferData(File);
            HeadEnd = SM.getFileOffset(Brace);
            while (HeadEnd > I->Begin && (isBlank(Text[HeadEnd - 1]) || Text[HeadEnd - 1] == '\n'))
              --HeadEnd;
          }
        }
        FunctionHeads[File].push_back({I->Begin, HeadEnd});
        continue;
      }
      std::vector<Item> &Items = FileScope[File];
      // The names of one declaration share its first token.
      if (!Items.empty() && Items.back().Begin == I->Begin)
        Items.back().End = std::max(Items.back().End, I->End);
      else
        Items.push_back(*I);
    }
  }

  /// The whole lines a version test around the edit [Begin, End) of \p File
  /// encloses: consecutive statements of the innermost block that holds it
  /// and stands on lines of its own, with every #if group they are part of.
  /// Or why there are none.
  llvm::Expected<std::pair<size_t, size_t>> around(FileID File, unsigned Begin,
                                                   unsigned End,
                                                   const Conditionals &Directives) {
    llvm::StringRef Text = SM.getBufferData(File);
    // The edit's own text, without the blank lines at its ends and the
    // comment lines above it (a removed statement takes those).
    size_t First = Begin, Last = End;
    while (First < Last) {
      llvm::StringRef Rest = Text.slice(First, Last);
      if (isBlank(Rest[0]) || Rest[0] == '\n') {
        ++First;
      } else if (Rest.starts_with("//")) {
        size_t NL = Rest.find('\n');
        First = NL == llvm::StringRef::npos ? Last : First + NL;
      } else if (Rest.starts_with("/*") && Rest.find("*/") != llvm::StringRef::npos) {
        First += Rest.find("*/") + 2;
      } else {
        break;
      }
    }
    while (Last > First && (isBlank(Text[Last - 1]) || Text[Last - 1] == '\n'))
      --Last;
    if (First == Last)
      First = Last = Begin;
    struct Candidate {
      const Block *In;
      size_t I, J;
    };
    std::vector<Candidate> Candidates;
    auto It = ByFile.find(File);
    if (It != ByFile.end())
      for (const Block &B : It->second) {
        if (!(B.Open < First && Last <= B.Close))
          continue;
        size_t I = 0, J = 0;
        bool Found = false;
        for (size_t K = 0; K < B.Items.size(); ++K) {
          const Item &S = B.Items[K];
          // (An insertion at either end of a statement is in it.)
          bool Holds = First == Last ? S.Begin <= First && First <= S.End
                                     : S.Begin < Last && First < S.End;
          if (!Holds)
            continue;
          if (!Found)
            I = K;
          J = K;
          Found = true;
        }
        if (Found && B.Items[I].Begin <= First && Last <= B.Items[J].End)
          Candidates.push_back({&B, I, J});
      }
    llvm::sort(Candidates, [](const Candidate &A, const Candidate &B) {
      return A.In->Items[A.J].End - A.In->Items[A.I].Begin <
             B.In->Items[B.J].End - B.In->Items[B.I].Begin;
    });
    std::optional<std::string> FirstReason;
    // The lines that hold the items From..To of a block (a function body,
    // or the file itself when Open is nullopt), with every #if group they
    // are part of; or nullopt, the reason kept in FirstReason.
    auto linesOf = [&](const Item &From, const Item &To,
                       std::optional<std::pair<unsigned, unsigned>> Braces,
                       llvm::StringRef What) -> std::optional<std::pair<size_t, size_t>> {
      std::string Where =
          "the " + What.str() + " at line " + std::to_string(lineNumber(Text, From.Begin));
      if (&From != &To)
        Where = "the " + What.str() + "s at lines " + std::to_string(lineNumber(Text, From.Begin)) +
                "-" + std::to_string(lineNumber(Text, To.End));
      auto Fail = [&](std::string Why) -> std::optional<std::pair<size_t, size_t>> {
        if (!FirstReason)
          FirstReason = Where + " " + Why;
        return std::nullopt;
      };
      if (!onlyBlanksBefore(Text, From.Begin))
        return Fail("shares its first line with other code");
      std::optional<size_t> LineEnd = restOfLineIsEmpty(Text, To.End);
      if (!LineEnd)
        return Fail("shares its last line with other code");
      size_t LinesBegin = std::min<size_t>(lineStart(Text, From.Begin), lineStart(Text, Begin));
      size_t LinesEnd = std::max<size_t>(*LineEnd, End);
      if (LinesEnd < Text.size() && LinesEnd > 0 && Text[LinesEnd - 1] != '\n') {
        std::optional<size_t> Rest = restOfLineIsEmpty(Text, LinesEnd);
        if (!Rest)
          return Fail("is followed on its line by code the edit reaches");
        LinesEnd = *Rest;
      }
      // A group the statements are only part of (a call whose argument
      // list holds an #if, an #else between two spellings of its end) goes
      // with them whole, in both copies.
      std::optional<std::string> Cut;
      for (int Round = 0; Round < 8; ++Round) {
        Cut = Directives.cutsGroup(LinesBegin, LinesEnd);
        if (!Cut)
          break;
        bool Grew = false;
        for (const ConditionalGroup &G : Directives.groups()) {
          if (G.EndIf == ~size_t(0))
            continue;
          size_t GBegin = Directives.lines()[G.Branches.front()].Begin;
          size_t GEnd = Directives.lines()[G.EndIf].End;
          if (GBegin < LinesEnd && LinesBegin < GEnd &&
              (GBegin < LinesBegin || GEnd > LinesEnd)) {
            LinesBegin = std::min(LinesBegin, GBegin);
            LinesEnd = std::max(LinesEnd, GEnd);
            Grew = true;
          }
        }
        if (!Grew)
          break;
      }
      if (Cut)
        return Fail("holds part of a preprocessor group: " + *Cut);
      if (Braces && (LinesBegin <= Braces->first || LinesEnd > Braces->second))
        return Fail("is part of an #if group that reaches outside its block");
      return std::make_pair(LinesBegin, LinesEnd);
    };
    for (const Candidate &C : Candidates)
      if (std::optional<std::pair<size_t, size_t>> Lines =
              linesOf(C.In->Items[C.I], C.In->Items[C.J],
                      std::make_pair(C.In->Open, C.In->Close), "statement"))
        return *Lines;
    if (std::optional<std::pair<size_t, size_t>> Define = defineAround(Text, Begin)) {
      if (!Directives.cutsGroup(Define->first, Define->second))
        return *Define;
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "the #define it is in holds part of a "
                                     "preprocessor group");
    }
    if (onlyBlanksBefore(Text, Begin) && Begin == lineStart(Text, Begin) &&
        (End == Begin || End == Text.size() || (End > 0 && Text[End - 1] == '\n')) &&
        !Directives.cutsGroup(Begin, End))
      return std::make_pair<size_t, size_t>(Begin, End); // lines of their own
    // At file scope: the whole declaration, both copies of it (the
    // statements of a function body are guarded one by one, never the
    // function).
    // function), and of a function definition, the lines of its head when
    // its body starts on a line of its own (both heads share the body).
    for (auto *List : {&FileScope, &FunctionHeads})
      if (auto Decls = List->find(File); Decls != List->end())
        for (const Item &D : Decls->second)
          if (D.Begin <= First && Last <= D.End)
            if (std::optional<std::pair<size_t, size_t>> Lines = linesOf(
                    D, D, std::nullopt, List == &FileScope ? "declaration" : "function head"))
              return *Lines;
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        FirstReason ? *FirstReason
                    : std::string("it is not inside a function body (a version "
                                  "test needs whole statements to enclose)"));
  }
};

CompatSink::CompatSink(const MigrationOptions &Options, FindingSink &Next)
    : Options(Options), Next(Next) {}
CompatSink::~CompatSink() = default;

void CompatSink::setContext(ASTContext *NewCtx) {
  if (NewCtx != Ctx) {
    Index.reset();
    Directives.clear();
  }
  Ctx = NewCtx;
}

const Conditionals &CompatSink::directives(FileID File) {
  std::unique_ptr<Conditionals> &C = Directives[File.getHashValue()];
  if (!C)
    C = std::make_unique<Conditionals>(Ctx->getSourceManager().getBufferData(File));
  return *C;
}

std::optional<std::string> CompatSink::cutsGroup(const TextEdit &E) {
  const SourceManager &SM = Ctx->getSourceManager();
  auto [File, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
  unsigned End = SM.getDecomposedLoc(E.Range.getEnd()).second;
  if (std::optional<std::string> Why = directives(File).cutsGroup(Begin, End))
    return Why;
  return std::nullopt;
}

void CompatSink::report(Finding F) {
  // Every edit of every rule passes here: none may take part of an #if
  // group (or of a directive line) with it, whatever the mode.
  if (Ctx)
    for (const auto *List : {&F.Edits, &F.InterimEdits})
      for (const TextEdit &E : *List)
        if (std::optional<std::string> Why = cutsGroup(E)) {
          F.Kind = FindingKind::NeedsAttention;
          F.Message += "; not changed: the edit would break the file's "
                       "preprocessor conditionals (" + *Why + "); edit it by hand";
          F.Edits.clear();
          F.InterimEdits.clear();
          break;
        }
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
  if (!F.Migration.empty() && Ctx) {
    reportSpecFinding(std::move(F));
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
    release(std::move(F));
    return;
  }
  const SourceManager &SM = Ctx->getSourceManager();
  const LangOptions &LO = Ctx->getLangOpts();

  if (Options.Compat == CompatMode::Header) {
    // The wrapper has the pre-6.5 form inside; the site needs only the new.
    if (F.Side == ApiSide::Old)
      return;
    IncludeTheHeader.insert(SM.getFileID(SM.getFileLoc(F.Edits.front().Range.getBegin())));
    std::optional<Finding> OlderKernels;
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
        renameToWrapper(F, Name, Wrapper);
        OlderKernels = olderThanTheWrappers(File, Offset, Wrapper, F);
      }
    }
    release(std::move(F));
    if (OlderKernels)
      Next.report(std::move(*OlderKernels));
    return;
  }

  if (!Index)
    Index = std::make_unique<StatementIndex>(*Ctx);
  for (TextEdit &E : F.Edits) {
    auto [File, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
    unsigned End = SM.getDecomposedLoc(E.Range.getEnd()).second;
    llvm::Expected<std::pair<size_t, size_t>> Lines =
        Index->around(File, Begin, End, directives(File));
    if (!Lines) {
      Finding Why;
      Why.Rule = F.Rule;
      Why.Api = F.Api;
      Why.Kind = FindingKind::NeedsAttention;
      Why.Loc = F.Loc;
      Why.Message = F.Message + "; --compat=guard cannot place a version test "
                                "around this edit: " +
                    llvm::toString(Lines.takeError()) + "; edit it by hand";
      Next.report(std::move(Why));
      return;
    }
    SourceLocation Start = SM.getComposedLoc(File, Lines->first);
    E.Guard = CharSourceRange::getCharRange(
        Start, Start.getLocWithOffset(Lines->second - Lines->first));
  }
  release(std::move(F));
}

void CompatSink::renameToWrapper(Finding &F, SourceLocation Name, llvm::StringRef Wrapper) {
  const SourceManager &SM = Ctx->getSourceManager();
  auto [File, Offset] = SM.getDecomposedLoc(Name);
  unsigned Length = Lexer::MeasureTokenLength(Name, SM, Ctx->getLangOpts());
  F.Edits.push_back({CharSourceRange::getCharRange(Name, Name.getLocWithOffset(Length)),
                     Wrapper.str()});
  // Continuation lines aligned after the '(' move with it (not one the
  // site's own edits already change: a dropped argument took its indent).
  size_t Before = F.Edits.size();
  for (auto [LineStart, Width] : alignedContinuations(SM.getBufferData(File), Offset + Length)) {
    SourceLocation Indent = SM.getComposedLoc(File, LineStart);
    bool Taken = llvm::any_of(llvm::ArrayRef(F.Edits).take_front(Before), [&](const TextEdit &E) {
      auto [EFile, EBegin] = SM.getDecomposedLoc(E.Range.getBegin());
      unsigned EEnd = SM.getDecomposedLoc(E.Range.getEnd()).second;
      return EFile == File && EBegin < LineStart + Width.first && LineStart < EEnd;
    });
    if (!Taken)
      F.Edits.push_back({CharSourceRange::getCharRange(Indent, Indent.getLocWithOffset(Width.first)),
                         indentOfWidth(Width.second + Wrapper.size() - Length)});
  }
}

std::optional<Finding> CompatSink::olderThanTheWrappers(FileID File, unsigned Offset,
                                                        llvm::StringRef Wrapper,
                                                        const Finding &Site) {
  // Only a file that shows it still builds for such kernels (a branch for
  // them) is warned about; the site must be compiled for them too.
  const Conditionals &Directives = directives(File);
  if (Directives.rangeAt(Offset).AtLeast >= FirstKernelOfCompatHeader)
    return std::nullopt;
  for (size_t G = 0; G < Directives.groups().size(); ++G)
    for (size_t B = 0; B < Directives.groups()[G].Branches.size(); ++B) {
      if (Directives.branchRange(G, B).Below > FirstKernelOfCompatHeader)
        continue;
      const DirectiveLine &L = Directives.lines()[Directives.groups()[G].Branches[B]];
      Finding F;
      F.Rule = Site.Rule;
      F.Api = Site.Api;
      F.Kind = FindingKind::Report;
      F.Loc = Ctx->getSourceManager().getComposedLoc(File, Offset);
      F.Message = "--compat=header: this file keeps code for kernels before 5.9 (line " +
                  std::to_string(lineNumber(Directives.text(), L.Begin)) + ": '" +
                  Directives.text().slice(L.Begin, L.End).rtrim().str() +
                  "'), but the wrappers of the compat header need 5.9 or later, so " +
                  Wrapper.str() + "() does not build there; use --compat=guard to keep "
                  "those kernels, or drop their branches";
      return F;
    }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Composition of one file's edits (pure text).
//===----------------------------------------------------------------------===//

namespace {

llvm::StringRef versionHeaderLine() { return "#include <linux/version.h>\n"; }

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

/// The lines of one version test: the statements (and lines) it encloses.
/// Chain: the body of branch Branch of group Group of the file, a branch
/// that kernels from 6.5 on take, of a chain that tests the version: the
/// new form becomes a branch of that chain instead of a test of its own.
struct GuardedLines {
  size_t Begin, End;
  std::optional<std::pair<size_t, size_t>> Chain;
};

/// When \p Lines fill the body of a branch of a LINUX_VERSION_CODE chain
/// (nothing else but blank lines and comments) that every kernel from 6.5
/// on takes when it reaches it (an #else; an #if or #elif that tests the
/// version alone and holds from 6.5 on), that branch.
std::optional<std::pair<size_t, size_t>>
chainBranchFilledBy(const Conditionals &Directives, const std::vector<GuardedLines> &All,
                    size_t Begin) {
  std::optional<std::pair<size_t, size_t>> At = Directives.branchAt(Begin);
  if (!At || !Directives.testsVersion(At->first))
    return std::nullopt;
  const DirectiveLine &L =
      Directives.lines()[Directives.groups()[At->first].Branches[At->second]];
  if (L.Kind != DirectiveLine::Else) {
    if (!L.hasCondition())
      return std::nullopt;
    std::optional<VersionRange> Exact = exactVersionCondition(Directives.condition(L));
    if (!Exact || Exact->Below != VersionRange().Below ||
        Exact->AtLeast > FirstKernelWithoutVmas)
      return std::nullopt;
  }
  auto [From, To] = Directives.bodyOf(At->first, At->second);
  llvm::StringRef Text = Directives.text();
  size_t Pos = From;
  for (const GuardedLines &G : All) {
    if (G.End <= From || G.Begin >= To)
      continue;
    if (G.Begin < From || G.End > To || !onlyBlanksAndComments(Text.slice(Pos, G.Begin)))
      return std::nullopt;
    Pos = G.End;
  }
  if (!onlyBlanksAndComments(Text.slice(Pos, To)))
    return std::nullopt;
  return At;
}

} // namespace

llvm::Expected<std::vector<FileEdit>>
composeVersionGuards(llvm::StringRef Original, const std::vector<FileEdit> &Edits) {
  std::vector<GuardedLines> Groups;
  for (const FileEdit &E : Edits)
    if (E.Side == ApiSide::New || E.Side == ApiSide::Old)
      Groups.push_back({E.GuardOffset, size_t(E.GuardOffset) + E.GuardLength, {}});
  if (Groups.empty())
    return Edits;
  Conditionals Directives(Original);
  auto Merge = [](std::vector<GuardedLines> &List) {
    llvm::sort(List, [](const GuardedLines &A, const GuardedLines &B) {
      return A.Begin != B.Begin ? A.Begin < B.Begin : A.End < B.End;
    });
    std::vector<GuardedLines> Merged;
    for (const GuardedLines &G : List) {
      if (!Merged.empty() && G.Begin <= Merged.back().End) {
        Merged.back().End = std::max(Merged.back().End, G.End);
        if (G.Chain)
          Merged.back().Chain = G.Chain;
      } else {
        Merged.push_back(G);
      }
    }
    List = std::move(Merged);
  };
  Merge(Groups);
  // Lines that fill a branch of a version chain take the whole branch.
  for (GuardedLines &G : Groups)
    if (std::optional<std::pair<size_t, size_t>> Branch =
            chainBranchFilledBy(Directives, Groups, G.Begin)) {
      auto [From, To] = Directives.bodyOf(Branch->first, Branch->second);
      G = {From, To, Branch};
    }
  Merge(Groups);

  std::vector<FileEdit> Out;
  std::string Path = Edits.front().Path;
  std::vector<std::vector<const FileEdit *>> NewSide(Groups.size()),
      OldSide(Groups.size());
  for (const FileEdit &E : Edits) {
    size_t Begin = E.Offset, End = size_t(E.Offset) + E.Length;
    auto In = llvm::find_if(Groups, [&](const GuardedLines &G) {
      return G.Begin <= Begin && End <= G.End;
    });
    if (In == Groups.end()) {
      bool Straddles = llvm::any_of(Groups, [&](const GuardedLines &G) {
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
    size_t K = In - Groups.begin();
    if (E.Side != ApiSide::Old)
      NewSide[K].push_back(&E);
    if (E.Side != ApiSide::New)
      OldSide[K].push_back(&E);
  }

  std::string Test = newApiTest().str();
  bool Guarded = false;
  for (size_t K = 0; K < Groups.size(); ++K) {
    const GuardedLines &G = Groups[K];
    std::string New = applyInside(Original, G.Begin, G.End, NewSide[K]);
    std::string Old = applyInside(Original, G.Begin, G.End, OldSide[K]);
    if (New == Old) {
      Out.push_back({Path, unsigned(G.Begin), unsigned(G.End - G.Begin), New});
      continue;
    }
    Guarded = true;
    // The new copy as kernels from 6.5 on compile it: the #if lines that
    // range decides (an argument for kernels before 4.6) are not copied.
    VersionRange NewKernels = Directives.rangeAt(G.Begin);
    NewKernels.AtLeast = std::max(NewKernels.AtLeast, FirstKernelWithoutVmas);
    New = resolveVersionTests(New, NewKernels);
    std::string Text;
    size_t Begin = G.Begin;
    if (G.Chain && !llvm::StringRef(New).trim().empty() &&
        !llvm::StringRef(Old).trim().empty()) {
      // #if A ... #else OLD #endif  ->  #if A ... #elif NEW-TEST NEW #else OLD #endif
      const DirectiveLine &L =
          Directives.lines()[Directives.groups()[G.Chain->first].Branches[G.Chain->second]];
      std::string Line = Original.slice(L.Begin, L.End).str();
      if (L.Kind == DirectiveLine::If) // it becomes the second branch
        Line = Original.slice(L.Begin, L.NameBegin).str() + "elif" +
               Original.slice(L.NameEnd, L.End).str();
      Text = (L.Kind == DirectiveLine::If ? "#if " : "#elif ") + Test + "\n" + New + Line + Old;
      Begin = L.Begin;
    } else if (Old.empty()) {
      Text = "#if " + Test + "\n" + New + "#endif\n";
    } else if (New.empty()) {
      Text = "#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)\n" + Old + "#endif\n";
    } else {
      Text = "#if " + Test + "\n" + New + "#else\n" + Old + "#endif\n";
    }
    Out.push_back({Path, unsigned(Begin), unsigned(G.End - Begin), Text});
  }
  // The tests need LINUX_VERSION_CODE: from <linux/version.h>, unless the
  // file already tests it in an #if every configuration reads.
  size_t First = Groups.front().Begin;
  // The version tests of other specs' sites may have brought it already.
  bool Brought = llvm::any_of(Edits, [](const FileEdit &E) {
    return E.Side == ApiSide::Any &&
           llvm::StringRef(E.Text).contains(versionHeaderLine());
  });
  if (Guarded && !Brought && !Directives.includesAtTop("linux/version.h", First) &&
      !Directives.testsVersionAtTop(First + 1))
    Out.push_back({Path, unsigned(Directives.includePoint(First, true)), 0,
                   "#include <linux/version.h>\n"});
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
  size_t First = Original.size();
  for (const FileEdit &E : Edits) {
    if (E.Side == ApiSide::Old)
      continue;
    if (E.Side == ApiSide::New) {
      UsesNewApi = true;
      First = std::min<size_t>(First, E.Offset);
    }
    FileEdit Plain = E;
    Plain.Side = ApiSide::Any;
    Plain.GuardOffset = Plain.GuardLength = 0;
    Out.push_back(std::move(Plain));
  }
  Conditionals Directives(Original);
  if (UsesNewApi && !Directives.includesAtTop(IncludeSpelling, First) && !Out.empty()) {
    std::string Path = Out.front().Path;
    Out.push_back({Path, unsigned(Directives.includePoint(First, false)), 0,
                   "#include \"" + IncludeSpelling.str() + "\"\n"});
  }
  // An insertion goes before a replacement that starts at the same place.
  llvm::sort(Out, [](const FileEdit &A, const FileEdit &B) {
    return std::tie(A.Offset, A.Length) < std::tie(B.Offset, B.Length);
  });
  return Out;
}

//===----------------------------------------------------------------------===//
// The sites of the other specs (Finding::Migration set).
//===----------------------------------------------------------------------===//

namespace {

const MigrationSpec *specNamed(const MigrationOptions &Options, llvm::StringRef Id) {
  for (const MigrationSpec *S : Options.Migrations)
    if (S && S->Id == Id)
      return S;
  return nullptr;
}

/// True when the compat header can give the function \p E names (a
/// parameter-removed entry that is no macro) a wrapper: its prototype
/// before the change (returnType, parameters: one per arity), what old
/// kernels take in the removed parameter's place (oldArgument) and the
/// header that declares it (header) are known.
bool headerWrapsFunction(const SpecEntry &E) {
  if (E.Kind != SpecEntryKind::ParameterRemoved || E.Macro || !E.Public ||
      E.ReturnType.empty() || E.Parameters.empty() || E.OldArgument.empty() ||
      E.Header.empty() || E.Index >= E.Arity)
    return false;
  llvm::SmallVector<llvm::StringRef, 8> Params;
  llvm::StringRef(E.Parameters).split(Params, ", ");
  return Params.size() == E.Arity;
}

const SpecEntry *entryNamed(const MigrationSpec &Spec, llvm::StringRef Name) {
  for (const SpecEntry &E : Spec.Entries)
    if (E.Name == Name)
      return &E;
  return nullptr;
}

std::string versionTest(KernelVersion V, bool AtLeast) {
  return std::string("LINUX_VERSION_CODE ") + (AtLeast ? ">= " : "< ") +
         kernelVersionMacro(V);
}

/// A finding's edits as file edits of its one file (offsets), or nullopt
/// when they are not all in \p File.
std::optional<std::vector<FileEdit>> asFileEdits(const Finding &F, FileID File,
                                                 const SourceManager &SM) {
  std::vector<FileEdit> Out;
  for (const TextEdit &E : F.Edits) {
    auto [EFile, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
    unsigned End = SM.getDecomposedLoc(E.Range.getEnd()).second;
    if (EFile != File)
      return std::nullopt;
    Out.push_back({"", Begin, End - Begin, E.Replacement});
  }
  return Out;
}

} // namespace

llvm::Expected<std::pair<size_t, size_t>>
CompatSink::guardLines(FileID File, unsigned Begin, unsigned End) {
  if (!Index)
    Index = std::make_unique<StatementIndex>(*Ctx);
  llvm::Expected<std::pair<size_t, size_t>> Lines =
      Index->around(File, Begin, End, directives(File));
  if (Lines)
    return Lines;
  // A directive line (an #include) is a line of its own.
  llvm::StringRef Text = Ctx->getSourceManager().getBufferData(File);
  size_t From = lineStart(Text, Begin);
  llvm::StringRef Head = Text.substr(From).ltrim(" \t");
  size_t To = Text.find('\n', End);
  To = To == llvm::StringRef::npos ? Text.size() : To + 1;
  if (Head.starts_with("#") && !Head.drop_front().ltrim(" \t").starts_with("define") &&
      !directives(File).cutsGroup(From, To)) {
    llvm::consumeError(Lines.takeError());
    return std::make_pair(From, To);
  }
  return Lines;
}

void CompatSink::reportSpecFinding(Finding F) {
  const SourceManager &SM = Ctx->getSourceManager();
  const MigrationSpec *Spec = specNamed(Options, F.Migration);
  const SpecEntry *Entry = Spec ? entryNamed(*Spec, F.Api) : nullptr;
  if (!Spec || !Entry) {
    Next.report(std::move(F));
    return;
  }
  if (Options.Compat == CompatMode::Header) {
    bool Wrapped = Entry->Macro || headerWrapsFunction(*Entry);
    // A parameter-removed entry's findings carry the spec's names for the
    // rule's parts (removed-argument unless it names them).
    bool ParameterRemoved = isRemovedParameterRule(*Spec, F.Rule);
    if (F.Rule != removedInitializerRule().Name && (!ParameterRemoved || Wrapped))
      IncludeTheHeader.insert(SM.getFileID(SM.getFileLoc(F.Edits.front().Range.getBegin())));
    if (F.Rule == renamedApiRule().Name) {
      // The new name; the header defines it for kernels without it.
      release(std::move(F));
      return;
    }
    if (F.Rule == movedHeaderRule().Name) {
      // The compat header includes the right one for each kernel.
      auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(F.Loc));
      llvm::StringRef Text = SM.getBufferData(File);
      size_t From = lineStart(Text, Offset);
      size_t To = Text.find('\n', Offset);
      To = To == llvm::StringRef::npos ? Text.size() : To + 1;
      SourceLocation Start = SM.getComposedLoc(File, From);
      F.Edits = {TextEdit{CharSourceRange::getCharRange(
                              Start, Start.getLocWithOffset(To - From)),
                          ""}};
      F.Side = ApiSide::New;
      release(std::move(F));
      return;
    }
    if (ParameterRemoved && Wrapped && F.CalleeLoc.isValid()) {
      renameToWrapper(F, SM.getFileLoc(F.CalleeLoc), compatWrapperName(Entry->Name));
      F.Side = ApiSide::New;
      release(std::move(F));
      return;
    }
    // What a header cannot provide (an initialiser that must go, a
    // function's parameter) is guarded in place, as in guard mode.
  }
  PendingGuards.push_back(std::move(F));
}

void CompatSink::release(Finding F) {
  if (Ctx && !dataDrivenSpecs(Options).empty())
    Held.push_back(std::move(F));
  else
    Next.report(std::move(F));
}

void CompatSink::finishTranslationUnit() {
  if (!Ctx) {
    IncludeTheHeader.clear();
    return;
  }
  std::vector<Finding> Others = std::move(Held);
  Held.clear();
  if (PendingGuards.empty()) {
    for (Finding &F : Others)
      Next.report(std::move(F));
    IncludeTheHeader.clear();
    return;
  }
  const SourceManager &SM = Ctx->getSourceManager();
  std::vector<Finding> Findings = std::move(PendingGuards);
  PendingGuards.clear();

  // Which kernels a piece's edits are for, in the chain of version tests.
  enum class Use {
    Always,      ///< every kernel (header mode's wrapper calls, Any edits)
    FromVersion, ///< kernels from Version on (a spec's change, GUP's New)
    BeforeVersion, ///< kernels before Version (GUP's Old edits)
  };
  // The lines each finding's version test needs, per file.
  struct Piece {
    Finding *Owner;
    FileID File;
    size_t Begin, End;
    unsigned Code;         ///< LINUX_VERSION_CODE of its spec's kernel
    KernelVersion Version;
    std::vector<FileEdit> Edits;
    Use For = Use::FromVersion;
  };
  std::vector<Piece> Pieces;
  for (size_t K = 0; K < Findings.size(); ++K) {
    Finding &F = Findings[K];
    const MigrationSpec *Spec = specNamed(Options, F.Migration);
    FileID File = SM.getFileID(F.Edits.front().Range.getBegin());
    std::optional<std::vector<FileEdit>> Edits = asFileEdits(F, File, SM);
    std::optional<std::string> Why;
    if (!Edits)
      Why = "its edits are in more than one file";
    size_t Begin = ~size_t(0), End = 0;
    if (Edits)
      for (const FileEdit &E : *Edits) {
        llvm::Expected<std::pair<size_t, size_t>> Lines =
            guardLines(File, E.Offset, E.Offset + E.Length);
        if (!Lines) {
          Why = llvm::toString(Lines.takeError());
          break;
        }
        Begin = std::min(Begin, Lines->first);
        End = std::max(End, Lines->second);
      }
    if (Why) {
      // A warning that holds nothing back: the other sites of a spec do
      // not depend on this one (no plumbing between them).
      F.Kind = FindingKind::Report;
      F.Message += "; --compat=" +
                   std::string(Options.Compat == CompatMode::Header ? "header" : "guard") +
                   " cannot place a version test around this edit: " + *Why +
                   "; edit it by hand";
      F.Edits.clear();
      continue;
    }
    Pieces.push_back({&F, File, Begin, End, versionCode(Spec->Kernel), Spec->Kernel,
                      std::move(*Edits)});
  }

  // The other edits of the TU (GUP's sites, header mode's wrapper calls
  // and renames) that are on lines a version test above encloses cannot
  // stay outside it: each such finding joins the chain (and so does every
  // edit on lines it then reaches), GUP's under the 6.5 test.
  struct OtherEdit {
    FileID File;
    size_t Begin, End; ///< the lines it needs
    FileEdit Edit;
  };
  std::vector<std::vector<OtherEdit>> OtherEdits(Others.size());
  for (size_t K = 0; K < Others.size(); ++K)
    for (const TextEdit &E : Others[K].Edits) {
      auto [File, Begin] = SM.getDecomposedLoc(E.Range.getBegin());
      unsigned End = SM.getDecomposedLoc(E.Range.getEnd()).second;
      FileEdit Plain{"", Begin, End - Begin, E.Replacement};
      llvm::StringRef Text = SM.getBufferData(File);
      size_t LinesBegin = lineStart(Text, Begin);
      size_t LinesEnd = Text.find('\n', End > Begin ? End - 1 : End);
      LinesEnd = LinesEnd == llvm::StringRef::npos ? Text.size() : LinesEnd + 1;
      if (E.Guard.isValid()) {
        auto [GuardFile, GuardBegin] = SM.getDecomposedLoc(E.Guard.getBegin());
        LinesBegin = GuardBegin;
        LinesEnd = SM.getDecomposedLoc(E.Guard.getEnd()).second;
      }
      OtherEdits[K].push_back({File, LinesBegin, LinesEnd, std::move(Plain)});
    }
  std::vector<bool> Joins(Others.size(), false);
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (size_t K = 0; K < Others.size(); ++K) {
      if (Joins[K])
        continue;
      bool Overlaps = llvm::any_of(OtherEdits[K], [&](const OtherEdit &O) {
        return llvm::any_of(Pieces, [&](const Piece &P) {
          return P.File == O.File && O.Begin < P.End && P.Begin < O.End;
        });
      });
      if (!Overlaps)
        continue;
      Joins[K] = Grew = true;
      Finding &F = Others[K];
      Use For = Use::Always;
      if (Options.Compat == CompatMode::Guard && F.Side == ApiSide::New)
        For = Use::FromVersion;
      else if (Options.Compat == CompatMode::Guard && F.Side == ApiSide::Old)
        For = Use::BeforeVersion;
      KernelVersion Gup = gupVmasMigration().Kernel;
      for (OtherEdit &O : OtherEdits[K])
        Pieces.push_back({&F, O.File, O.Begin, O.End, versionCode(Gup), Gup, {O.Edit}, For});
    }
  }

  // Pieces whose lines overlap share one chain of version tests.
  llvm::sort(Pieces, [](const Piece &A, const Piece &B) {
    return std::tie(A.File, A.Begin, A.End) < std::tie(B.File, B.Begin, B.End);
  });
  std::map<FileID, bool> VersionHeaderPlaced;
  std::map<Finding *, std::vector<TextEdit>> ChainsOf;
  for (size_t I = 0; I < Pieces.size();) {
    size_t J = I + 1;
    size_t Begin = Pieces[I].Begin, End = Pieces[I].End;
    while (J < Pieces.size() && Pieces[J].File == Pieces[I].File && Pieces[J].Begin < End)
      End = std::max(End, Pieces[J++].End);
    FileID File = Pieces[I].File;
    const Conditionals &Directives = directives(File);
    llvm::StringRef Original = SM.getBufferData(File);
    // Code already compiled only for kernels with a change takes it as is
    // (and never the edits for kernels before it).
    VersionRange Where = Directives.rangeAt(Begin);
    auto Decided = [&](const Piece &P) {
      return P.For == Use::Always || P.Code <= Where.AtLeast;
    };
    std::vector<const FileEdit *> Always;
    std::vector<KernelVersion> Versions;
    for (size_t K = I; K < J; ++K) {
      if (Decided(Pieces[K]) && Pieces[K].For != Use::BeforeVersion)
        for (const FileEdit &E : Pieces[K].Edits)
          Always.push_back(&E);
      if (!Decided(Pieces[K]) && !llvm::is_contained(Versions, Pieces[K].Version))
        Versions.push_back(Pieces[K].Version);
    }
    llvm::sort(Versions, std::greater<KernelVersion>());
    auto TextFor = [&](std::optional<KernelVersion> V) {
      std::vector<const FileEdit *> Inside = Always;
      for (size_t K = I; K < J; ++K) {
        const Piece &P = Pieces[K];
        bool Takes = !Decided(P) && (P.For == Use::FromVersion ? V && P.Version <= *V
                                                                : !V || *V < P.Version);
        if (Takes)
          for (const FileEdit &E : P.Edits)
            Inside.push_back(&E);
      }
      llvm::sort(Inside, [](const FileEdit *A, const FileEdit *B) { return *A < *B; });
      Inside.erase(std::unique(Inside.begin(), Inside.end(),
                               [](const FileEdit *A, const FileEdit *B) { return *A == *B; }),
                   Inside.end());
      return applyInside(Original, Begin, End, Inside);
    };
    std::string Old = TextFor(std::nullopt);
    std::string Text;
    if (Versions.empty()) {
      Text = Old;
    } else if (Versions.size() == 1 && llvm::StringRef(TextFor(Versions[0])).trim().empty()) {
      Text = "#if " + versionTest(Versions[0], false) + "\n" + Old + "#endif\n";
    } else {
      for (size_t V = 0; V < Versions.size(); ++V)
        Text += (V ? "#elif " : "#if ") + versionTest(Versions[V], true) + "\n" +
                TextFor(Versions[V]);
      Text += "#else\n" + Old + "#endif\n";
    }
    // The tests need LINUX_VERSION_CODE: <linux/version.h> before the
    // first of them, unless the file has it already.
    std::vector<TextEdit> Extra;
    if (!Versions.empty() && !VersionHeaderPlaced[File] && !IncludeTheHeader.count(File)) {
      VersionHeaderPlaced[File] = true;
      if (!Directives.includesAtTop("linux/version.h", Begin) &&
          !Directives.testsVersionAtTop(Begin + 1)) {
        size_t At = Directives.includePoint(Begin, true);
        if (At >= Begin) {
          Text = versionHeaderLine().str() + Text;
        } else {
          SourceLocation Loc = SM.getComposedLoc(File, At);
          Extra.push_back({CharSourceRange::getCharRange(Loc, Loc), versionHeaderLine().str()});
        }
      }
    }
    SourceLocation Start = SM.getComposedLoc(File, Begin);
    TextEdit Guarded{CharSourceRange::getCharRange(Start, Start.getLocWithOffset(End - Begin)),
                     Text};
    for (size_t K = I; K < J; ++K) {
      std::vector<TextEdit> &Chains = ChainsOf[Pieces[K].Owner];
      if (!llvm::any_of(Chains, [&](const TextEdit &E) {
            return E.Range.getBegin() == Guarded.Range.getBegin();
          })) {
        Chains.push_back(Guarded);
        Chains.insert(Chains.end(), Extra.begin(), Extra.end());
      }
    }
    I = J;
  }
  for (auto &[Owner, Chains] : ChainsOf) {
    Owner->Edits.assign(Chains.begin(), Chains.end());
    Owner->Side = ApiSide::Any;
  }
  for (Finding &F : Others)
    Next.report(std::move(F));
  for (Finding &F : Findings)
    Next.report(std::move(F));
  IncludeTheHeader.clear();
}

//===----------------------------------------------------------------------===//
// The compat header.
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral HeaderMarker =
    "Written by gup-rewrite --compat=header";

bool isOurCompatHeader(llvm::StringRef Text) { return Text.contains(HeaderMarker); }

/// The include guard of the compat header named \p FileName.
static std::string includeGuardOf(llvm::StringRef FileName) {
  std::string Guard;
  for (char C : FileName)
    Guard += isalnum(static_cast<unsigned char>(C)) ? toupper(C) : '_';
  return Guard;
}

/// The compat header's wrapper of function \p Name, which lost parameter
/// \p Index of \p Parameters under \p Test: the parameters it keeps, and
/// a body calling \p Name with them when \p Test holds, else with
/// \p OldArgument in the removed one's place. Kernel style: continuation
/// lines line up after the '(' within 80 columns (tabs are 8 wide).
static std::string functionWrapper(llvm::StringRef Name, llvm::StringRef ReturnType,
                                   llvm::StringRef Parameters, unsigned Index,
                                   llvm::StringRef OldArgument, llvm::StringRef Test) {
  llvm::SmallVector<llvm::StringRef, 8> Params;
  Parameters.split(Params, ", ");
  std::string Kept, NewArgs, OldArgs;
  for (unsigned I = 0; I < Params.size(); ++I) {
    llvm::StringRef Param = Params[I];
    size_t NameAt = Param.find_last_of(" *") + 1;
    llvm::StringRef ParamName = Param.substr(NameAt);
    OldArgs += (I ? ", " : "") + (I == Index ? OldArgument.str() : ParamName.str());
    if (I == Index)
      continue;
    Kept += (Kept.empty() ? "" : ", ") + Param.str();
    NewArgs += (NewArgs.empty() ? "" : ", ") + ParamName.str();
  }
  if (Kept.empty())
    Kept = "void";
  std::string Head = "static inline " + ReturnType.str() +
                     (ReturnType.ends_with("*") ? "" : " ") + compatWrapperName(Name) + "(";
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
  // C does not allow `return f();` in a function returning void.
  std::string Return = ReturnType.trim() == "void" ? "\t" : "\treturn ";
  return Head + "\n{\n#if " + Test.str() + "\n" + Return + Name.str() + "(" + NewArgs +
         ");\n#else\n" + Return + Name.str() + "(" + OldArgs + ");\n#endif\n}\n";
}

std::string compatHeaderText(llvm::StringRef FileName) {
  std::string Guard = includeGuardOf(FileName);
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
    OS << "\n"
       << functionWrapper(F.Name, F.ReturnType, F.Parameters, F.VmasIndex, "NULL",
                          newApiTest());
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

namespace gup {

namespace {

/// The section of the compat header for \p Spec: what each of its entries
/// needs on the kernels the header supports, under its own version tests.
std::string compatSection(const MigrationSpec &Spec) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "\n/* " << Spec.Id << ": " << Spec.Title << " (Linux "
     << formatKernelVersion(Spec.Kernel) << ") */\n";
  for (const SpecEntry &E : Spec.Entries) {
    switch (E.Kind) {
    case SpecEntryKind::HeaderMoved:
      OS << "#if " << versionTest(Spec.Kernel, true) << "\n#include <" << E.NewName
         << ">\n#else\n#include <" << E.Name << ">\n#endif\n";
      break;
    case SpecEntryKind::Renamed:
      if (E.NewNameSince <= 509) {
        OS << "/* " << E.NewName << "() exists in every kernel this header supports"
           << (E.NewNameSince ? " (since " + formatKernelVersion(E.NewNameSince) + ")" : "")
           << ". */\n";
      } else if (E.WhenResultUsed == UsedResult::Report) {
        // Defining the new name by the old one would give it the old
        // meaning: the calls that need it are the module's to decide.
        OS << "/* " << E.NewName << "() is not provided for kernels before "
           << formatKernelVersion(E.NewNameSince) << ": it does not mean what "
           << E.Name << "() did. */\n";
      } else {
        OS << "#if " << versionTest(E.NewNameSince, false) << "\n#define " << E.NewName
           << " " << E.Name << "\n#endif\n";
      }
      break;
    case SpecEntryKind::ParameterRemoved: {
      if (headerWrapsFunction(E)) {
        OS << "#include <" << E.Header << ">\n"
           << functionWrapper(E.Name, E.ReturnType, E.Parameters, E.Index, E.OldArgument,
                              versionTest(Spec.Kernel, true));
        break;
      }
      if (!E.Macro || E.MacroParameters.size() != E.Arity || E.Index >= E.Arity) {
        OS << "/* " << E.Name << "(): its calls keep both forms under a version "
           << "test in the source (a wrapper needs the spec's returnType, parameters, "
           << "oldArgument and header). */\n";
        break;
      }
      std::string Kept, NewArgs, OldArgs;
      for (unsigned I = 0; I < E.Arity; ++I) {
        const std::string &P = E.MacroParameters[I];
        OldArgs += (I ? ", " : "") + (I == E.Index ? E.OldArgument : P);
        if (I == E.Index)
          continue;
        Kept += (Kept.empty() ? "" : ", ") + P;
        NewArgs += (NewArgs.empty() ? "" : ", ") + P;
      }
      std::string Head = "#define " + compatWrapperName(E.Name) + "(" + Kept + ") ";
      OS << "#if " << versionTest(Spec.Kernel, true) << "\n"
         << Head << E.Name << "(" << NewArgs << ")\n#else\n"
         << Head << E.Name << "(" << OldArgs << ")\n#endif\n";
      break;
    }
    case SpecEntryKind::InitializerRemoved:
      OS << "/* ." << E.Field << " = " << E.Value << " (struct " << E.Name
         << "): a header cannot remove an initialiser; the source keeps it under "
         << "a version test. */\n";
      break;
    case SpecEntryKind::Removed:
      OS << "/* " << E.Name << ": removed, each use is reported. */\n";
      break;
    }
  }
  return Out;
}

} // namespace

std::string compatHeaderText(llvm::StringRef FileName, const MigrationOptions &Options) {
  std::vector<const MigrationSpec *> Specs = dataDrivenSpecs(Options);
  std::string Gup = compatHeaderText(FileName);
  if (Specs.empty())
    return Gup;
  std::string Sections;
  for (const MigrationSpec *S : Specs)
    Sections += compatSection(*S);
  size_t Close = Gup.rfind("\n#endif /* ");
  if (gupMigrationSelected(Options))
    return Gup.substr(0, Close) + Sections + Gup.substr(Close);
  std::string Guard = includeGuardOf(FileName);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "/* SPDX-License-Identifier: GPL-2.0 */\n"
     << "/*\n"
     << " * " << FileName << " - kernel API changes, each picked by version, so\n"
     << " * that the module builds before and after each of them.\n"
     << " * " << HeaderMarker << "; a second run leaves it\n"
     << " * as it is.\n"
     << " */\n"
     << "#ifndef " << Guard << "\n#define " << Guard << "\n\n"
     << "#include <linux/version.h>\n"
     << Sections << "\n#endif /* " << Guard << " */\n";
  return Out;
}

} // namespace gup
