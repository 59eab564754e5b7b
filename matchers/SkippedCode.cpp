//===- SkippedCode.cpp - GUP code in #if branches this build does not see -===//
#include "SkippedCode.h"

#include "Conditionals.h"
#include "GupApi.h"
#include "SourceText.h"
#include "TextEdits.h"
#include "VersionGuards.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"

#include <map>
#include <set>

using namespace clang;

namespace gup {

class SkippedRangeRecorder : public PPCallbacks {
public:
  explicit SkippedRangeRecorder(SkippedCode &Owner) : Owner(Owner) {}
  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    Owner.Ranges.push_back(Range);
  }

private:
  SkippedCode &Owner;
};

std::unique_ptr<PPCallbacks> SkippedCode::callbacks() {
  return std::make_unique<SkippedRangeRecorder>(*this);
}

std::vector<RawTok> lexRange(FileID File, unsigned Begin, unsigned End,
                             const SourceManager &SM, const LangOptions &LO) {
  std::vector<RawTok> Toks;
  llvm::StringRef Buffer = SM.getBufferData(File);
  Lexer Lex(SM.getLocForStartOfFile(File), LO, Buffer.begin(),
            Buffer.begin() + Begin, Buffer.end());
  Token T;
  while (true) {
    Lex.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    unsigned Offset = SM.getFileOffset(T.getLocation());
    if (Offset >= End)
      break;
    Toks.push_back({T.getKind(), Buffer.substr(Offset, T.getLength()), Offset,
                    Offset + static_cast<unsigned>(T.getLength()), T.isAtStartOfLine()});
  }
  return Toks;
}

namespace {


/// True for NULL and 0, in parentheses or cast to a pointer type
/// (`(void *)0`, `(struct vm_area_struct **)NULL`).
bool isNullText(llvm::StringRef Text) {
  std::string Squeezed;
  for (char C : Text)
    if (C != ' ' && C != '\t' && C != '\n')
      Squeezed += C;
  llvm::StringRef Rest = Squeezed;
  while (Rest.starts_with("(")) {
    size_t Close = 0;
    for (int Depth = 0; Close < Rest.size(); ++Close) {
      Depth += Rest[Close] == '(' ? 1 : Rest[Close] == ')' ? -1 : 0;
      if (Depth == 0)
        break;
    }
    if (Close == Rest.size())
      return false;
    llvm::StringRef Inside = Rest.slice(1, Close);
    if (Close + 1 == Rest.size()) { // (x)
      Rest = Inside;
      continue;
    }
    // (type)x: a pointer type is words and stars.
    if (!Inside.ends_with("*") ||
        Inside.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "0123456789_*") != llvm::StringRef::npos)
      return false;
    Rest = Rest.drop_front(Close + 1);
  }
  return Rest == "NULL" || Rest == "0";
}

/// The index of the token matching the opener at \p Open, or npos.
size_t matching(const std::vector<RawTok> &Toks, size_t Open) {
  tok::TokenKind O = Toks[Open].Kind;
  tok::TokenKind C = O == tok::l_brace ? tok::r_brace : tok::r_paren;
  int Depth = 0;
  for (size_t I = Open; I < Toks.size(); ++I) {
    if (Toks[I].Kind == O)
      ++Depth;
    else if (Toks[I].Kind == C && --Depth == 0)
      return I;
  }
  return std::string::npos;
}

class Scanner {
public:
  Scanner(const MigrationOptions &Options, FindingSink &Sink,
          const SourceManager &SM, const LangOptions &LO, FileID File,
          llvm::ArrayRef<ChangedFunction> Helpers)
      : Sink(Sink), SM(SM), LO(LO), E(SM, LO), File(File) {
    (void)Options;
    // Only the file that declares a helper can name it.
    for (const ChangedFunction &H : Helpers)
      if (H.Files.count(File)) {
        Changed.push_back(&H);
        // One removed parameter is dropped on tokens like the family's.
        if (H.Indices.size() == 1)
          HelperApis.push_back({H.Name, *H.Indices.begin(), H.Arity, false});
      }
  }

  void scan(unsigned Begin, unsigned End) {
    Toks = lexRange(File, Begin, End, SM, LO);
    markDirectives();
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (Toks[I].Kind != tok::raw_identifier)
        continue;
      const GupFunction *Api = lookup(Toks[I].Text);
      const ChangedFunction *Helper = changed(Toks[I].Text);
      if (!Api && !Helper)
        continue;
      std::optional<size_t> Prev = before(I);
      // `x.name`, `x->name`: a member of that name, not the function.
      if (Prev && (Toks[*Prev].Kind == tok::period || Toks[*Prev].Kind == tok::arrow))
        continue;
      bool Called = I + 1 < Toks.size() && Toks[I + 1].Kind == tok::l_paren;
      if (Helper && (!Called || !Api)) {
        unedited(I, *Helper, Called);
        continue;
      }
      if (!Called)
        continue;
      bool Declaration =
          Prev && ((Toks[*Prev].Kind == tok::raw_identifier &&
                    !llvm::is_contained(StatementKeywords, Toks[*Prev].Text)) ||
                   Toks[*Prev].Kind == tok::star);
      if (Declaration)
        declaration(I, *Api);
      else
        call(I, *Api);
    }
  }

private:
  FindingSink &Sink;
  const SourceManager &SM;
  const LangOptions &LO;
  EditContext E;
  FileID File;
  /// The helpers of this file, and those of them with one removed
  /// parameter as table entries.
  std::vector<const ChangedFunction *> Changed;
  std::vector<GupFunction> HelperApis;
  std::vector<RawTok> Toks;
  /// Per token: 0 in code, else the number of the directive line holding it.
  std::vector<unsigned> Directive;

  /// Words after which `name(` is a call, not a declarator.
  static constexpr llvm::StringLiteral StatementKeywords[] = {"return", "else", "do",
                                                              "case", "sizeof"};

  const GupFunction *lookup(llvm::StringRef Name) const {
    if (const GupFunction *F = findGupFunction(Name))
      return F;
    for (const GupFunction &H : HelperApis)
      if (H.Name == Name)
        return &H;
    return nullptr;
  }
  const ChangedFunction *changed(llvm::StringRef Name) const {
    for (const ChangedFunction *H : Changed)
      if (H->Name == Name)
        return H;
    return nullptr;
  }
  bool isHelper(const GupFunction &Api) const { return changed(Api.Name) != nullptr; }

  /// Numbers the directive lines (`#` first on its line, up to the next
  /// line start; the raw lexer joins continued lines).
  void markDirectives() {
    Directive.assign(Toks.size(), 0);
    unsigned Current = 0, Count = 0;
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (Toks[I].StartOfLine)
        Current = Toks[I].Kind == tok::hash ? ++Count : 0;
      Directive[I] = Current;
    }
  }

  /// The token before \p I in the same code: in a directive, that
  /// directive's; in code, the last one outside directives (the skipped
  /// range starts with its `#if` line, whose last word is no type).
  std::optional<size_t> before(size_t I) const {
    for (size_t J = I; J-- > 0;) {
      if (Directive[J] == Directive[I])
        return J;
      if (Directive[I] != 0)
        break;
    }
    return std::nullopt;
  }

  /// \p Helper named at token \p I where no edit on tokens is right: not a
  /// call, or a call dropping more than one argument. The warning holds
  /// the helper's change back, so this configuration keeps building.
  void unedited(size_t I, const ChangedFunction &Helper, bool Called) {
    std::string Name = Helper.Name + "()";
    std::string What = !Called ? "names it other than in a call (as a function pointer, "
                                 "in a macro or a declaration), where its type "
                                 "would change"
                               : "calls it, and without an AST more than one argument "
                                 "is not dropped on tokens";
    report(Helper.Name, Toks[I].Begin, FindingKind::NeedsAttention,
           Name + " would lose its vmas parameter in this build, but this code " + What +
               "; edit it by hand, or enable the configuration and run again");
  }
  /// Bodies of skipped definitions that lose a parameter: [begin, end) in
  /// tokens, and the parameter's name.
  struct Body {
    size_t Open, Close;
    std::string Param;
    std::string Api;
  };
  std::vector<Body> Bodies;

  SourceLocation loc(unsigned Offset) const { return SM.getComposedLoc(File, Offset); }

  void report(llvm::StringRef Api, unsigned Offset, FindingKind Kind,
              std::string Message, std::vector<TextEdit> Edits = {},
              std::vector<std::string> Requires = {}) {
    Finding F;
    F.Rule = SkippedCode::Rule;
    F.Api = Api.str();
    F.Kind = Kind;
    F.Loc = loc(Offset);
    F.Message = "in code this build skips (an inactive #if branch): " +
                std::move(Message);
    F.Edits.assign(Edits.begin(), Edits.end());
    F.Requires = std::move(Requires);
    Sink.report(std::move(F));
  }

  /// The list whose '(' follows token \p I, or nullopt after a report:
  /// \p What cannot be read, or has #if lines inside (without an AST,
  /// which of them a kernel compiles is not known).
  std::optional<ListSpelling> readList(size_t I, const GupFunction &Api,
                                       const std::string &What) {
    llvm::Expected<ListSpelling> List = spellListAt(File, Toks[I + 1].Begin, SM, LO);
    std::string Why;
    if (!List) {
      llvm::consumeError(List.takeError());
      Why = What + " could not be read; check it by hand";
    } else if (List->HasDirectives) {
      // Written for kernels from 6.5 on already when, as they compile it,
      // it has one item less than the old API.
      std::optional<unsigned> New =
          countItemsForNewKernels(SM.getBufferData(File), List->LParen, List->RParen);
      if (New && *New + 1 == Api.Arity && !isHelper(Api))
        return std::nullopt;
      Why = What + " contains #if lines, and without an AST which of them a "
                   "kernel compiles is not known; check it by hand";
    } else {
      return std::move(*List);
    }
    report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention, Why);
    return std::nullopt;
  }

  void declaration(size_t I, const GupFunction &Api) {
    std::string Name = Api.Name.str() + "()";
    std::optional<ListSpelling> List = readList(I, Api, "the parameter list of " + Name);
    if (!List)
      return;
    llvm::StringRef Param =
        List->Items.size() == Api.Arity ? itemText(*List, Api.VmasIndex, SM) : "";
    if (!Param.contains("vm_area_struct") || !Param.contains("**")) {
      // The family: already migrated, or another function of that name.
      if (isHelper(Api))
        report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
               "this declaration of " + Name + " does not have its " +
                   std::to_string(Api.Arity) + " parameters with 'struct "
                   "vm_area_struct **' as parameter " +
                   std::to_string(Api.VmasIndex + 1) +
                   ", which this build would remove; check this code by hand");
      return;
    }
    llvm::Expected<TextEdit> Removal = removeItem(*List, Api.VmasIndex, SM);
    if (!Removal) {
      report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
             "the vmas parameter of " + Name + " cannot be removed: " +
                 llvm::toString(Removal.takeError()) + "; migrate it by hand");
      return;
    }
    std::vector<TextEdit> Edits{std::move(*Removal)};
    // The parameter's name, if any: the last identifier of the item.
    std::string ParamName;
    {
      auto Items = lexRange(File, List->Items[Api.VmasIndex].Begin,
                            List->Items[Api.VmasIndex].End, SM, LO);
      if (!Items.empty() && Items.back().Kind == tok::raw_identifier &&
          Items.back().Text != "vm_area_struct")
        ParamName = Items.back().Text.str();
    }
    // A definition: its body must not need the parameter any more.
    size_t Close = I + 1;
    while (Close < Toks.size() && Toks[Close].Begin < List->RParen)
      ++Close;
    std::string Left;
    if (Close + 1 < Toks.size() && Toks[Close + 1].Kind == tok::l_brace) {
      size_t Open = Close + 1, End = matching(Toks, Open);
      if (End == std::string::npos) {
        report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
               "the body of " + Name + " could not be read; migrate it by hand");
        return;
      }
      if (!ParamName.empty())
        Left = cleanBody(Open, End, ParamName, Edits);
      Bodies.push_back({Open, End, ParamName, Api.Name.str()});
    }
    if (!Left.empty()) {
      report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
             "the definition of " + Name + " still uses '" + ParamName + "' (" +
                 Left + "); migrate it by hand");
      return;
    }
    report(Api.Name, Toks[I].Begin, FindingKind::Rewrite,
           "remove the vmas parameter of " + Name, std::move(Edits));
  }

  /// Deletes `if (P) stmt;`, `if (P) { ... }` and `BUG_ON(P);` from the
  /// body; returns where P is still used otherwise ("" when nowhere).
  std::string cleanBody(size_t Open, size_t Close, llvm::StringRef P,
                        std::vector<TextEdit> &Edits) {
    std::string Left;
    for (size_t I = Open + 1; I < Close; ++I) {
      if (Toks[I].Kind != tok::raw_identifier || Toks[I].Text != P)
        continue;
      // if ( P ) ...
      if (I >= 2 && Toks[I - 1].Kind == tok::l_paren &&
          Toks[I - 2].Text == "if" && I + 1 < Close &&
          Toks[I + 1].Kind == tok::r_paren) {
        size_t Stmt = I + 2, Last;
        if (Stmt < Close && Toks[Stmt].Kind == tok::l_brace) {
          Last = matching(Toks, Stmt);
        } else {
          Last = Stmt;
          int Depth = 0;
          while (Last < Close && !(Depth == 0 && Toks[Last].Kind == tok::semi)) {
            if (Toks[Last].Kind == tok::l_paren || Toks[Last].Kind == tok::l_brace)
              ++Depth;
            if (Toks[Last].Kind == tok::r_paren || Toks[Last].Kind == tok::r_brace)
              --Depth;
            ++Last;
          }
        }
        if (Last == std::string::npos || Last >= Close ||
            (Last + 1 < Close && Toks[Last + 1].Text == "else")) {
          Left += (Left.empty() ? "" : ", ") + lineText(Toks[I].Begin);
          continue;
        }
        Edits.push_back(E.removeText(File, Toks[I - 2].Begin, Toks[Last].End));
        I = Last;
        continue;
      }
      // BUG_ON ( P ) ;
      if (I >= 2 && Toks[I - 1].Kind == tok::l_paren &&
          (Toks[I - 2].Text == "BUG_ON" || Toks[I - 2].Text == "VM_BUG_ON") &&
          I + 2 < Close && Toks[I + 1].Kind == tok::r_paren &&
          Toks[I + 2].Kind == tok::semi) {
        Edits.push_back(E.removeText(File, Toks[I - 2].Begin, Toks[I + 2].End));
        I += 2;
        continue;
      }
      // Passed on to a family function: that call is reported on its own.
      if (passedToFamily(I))
        continue;
      Left += (Left.empty() ? "" : ", ") + lineText(Toks[I].Begin);
    }
    return Left;
  }

  /// True when token \p I is, on its own, the vmas argument of a call of the
  /// family (`fn(a, b, c, d, P, e)`).
  bool passedToFamily(size_t I) const {
    int Depth = 0;
    for (size_t J = I; J-- > 0;) {
      if (Toks[J].Kind == tok::r_paren)
        ++Depth;
      else if (Toks[J].Kind == tok::l_paren) {
        if (Depth-- == 0)
          return J > 0 && lookup(Toks[J - 1].Text);
      }
    }
    return false;
  }

  std::string lineText(unsigned Offset) const {
    return "line " + std::to_string(SM.getLineNumber(File, Offset));
  }

  void call(size_t I, const GupFunction &Api) {
    std::string Name = Api.Name.str() + "()";
    std::optional<ListSpelling> List =
        readList(I, Api, "the argument list of this call of " + Name);
    if (!List)
      return;
    if (List->Items.size() != Api.Arity) {
      // The family: already migrated (or not a call of ours).
      if (isHelper(Api))
        report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
               "this call of " + Name + " has " + std::to_string(List->Items.size()) +
                   " arguments, not the " + std::to_string(Api.Arity) +
                   " whose parameter " + std::to_string(Api.VmasIndex + 1) +
                   " this build would remove; check this code by hand");
      return;
    }
    llvm::StringRef Arg = itemText(*List, Api.VmasIndex, SM);
    std::vector<std::string> Requires;
    bool Removable = isNullText(Arg);
    if (!Removable)
      for (const Body &B : Bodies)
        if (I > B.Open && I < B.Close && Arg.trim() == B.Param) {
          Removable = true;
          Requires.push_back(B.Api);
        }
    if (!Removable) {
      report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
             Name + " is passed the vmas argument '" + Arg.str() +
                 "', which only a human can migrate (enable the configuration "
                 "and run again, or edit it by hand)");
      return;
    }
    llvm::Expected<TextEdit> Removal = removeItem(*List, Api.VmasIndex, SM);
    if (!Removal) {
      report(Api.Name, Toks[I].Begin, FindingKind::NeedsAttention,
             "the vmas argument '" + Arg.str() + "' of " + Name + " cannot be removed: " +
                 llvm::toString(Removal.takeError()) + "; edit it by hand");
      return;
    }
    report(Api.Name, Toks[I].Begin, FindingKind::Rewrite,
           "drop the vmas argument '" + Arg.str() + "' of " + Name, {std::move(*Removal)},
           std::move(Requires));
  }
};

} // namespace

void SkippedCode::finish(const SourceManager &SM, const LangOptions &LO,
                         llvm::ArrayRef<ChangedFunction> Helpers,
                         const VersionGuards *Versions) {
  // The same range is reported once per inclusion of its file; scan once.
  std::map<FileID, std::set<std::pair<unsigned, unsigned>>> ByFile;
  for (const SourceRange &R : Ranges) {
    SourceLocation B = R.getBegin(), End = R.getEnd();
    if (!B.isFileID() || !End.isFileID() || SM.getFileID(B) != SM.getFileID(End))
      continue;
    // Code only compiled before 6.5 is right as it is; code only compiled
    // from 6.5 on is written for the new API already. The range starts at
    // its branch's directive; the next line is inside.
    if (Versions) {
      llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(B));
      size_t Inside = Buffer.find('\n', SM.getFileOffset(B));
      if (Inside != llvm::StringRef::npos) {
        VersionRange Where = Versions->rangeAt(SM.getFileID(B), Inside + 1, SM, LO);
        if (Where.Below <= FirstKernelWithoutVmas ||
            Where.AtLeast >= FirstKernelWithoutVmas)
          continue;
      }
    }
    ByFile[SM.getFileID(B)].insert({SM.getFileOffset(B), SM.getFileOffset(End)});
  }
  Ranges.clear();
  for (auto &[File, Spans] : ByFile) {
    llvm::StringRef Buffer = SM.getBufferData(File);
    Scanner S(Options, Sink, SM, LO, File, Helpers);
    for (auto [Begin, End] : Spans) {
      // Cheap test first: most skipped code never mentions the family.
      llvm::StringRef Text = Buffer.slice(Begin, End);
      bool Mentions = false;
      for (const GupFunction &F : gupFamily())
        Mentions |= Text.contains(F.Name);
      for (const ChangedFunction &F : Helpers)
        Mentions |= F.Files.count(File) && Text.contains(F.Name);
      if (Mentions)
        S.scan(Begin, End);
    }
  }
}

} // namespace gup
