//===- CompileDb.h - compile_commands.json, validated ---------------------===//
#ifndef GUP_TOOL_COMPILEDB_H
#define GUP_TOOL_COMPILEDB_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace gup {

/// One translation unit to parse: a file and the command that builds it.
struct TuJob {
  std::string File; ///< canonical absolute path of the main file
  clang::tooling::CompileCommand Command;
  std::string Database; ///< the compile_commands.json it came from
};

class CompileDbSet {
public:
  /// Loads every database (a directory holding compile_commands.json, or the
  /// file itself). Errors describe bad input in one line.
  static llvm::Expected<CompileDbSet> load(llvm::ArrayRef<std::string> Paths);

  /// Every entry of every database, in database order.
  const std::vector<TuJob> &jobs() const { return Jobs; }
  /// The same, moved out: jobs() is empty afterwards.
  std::vector<TuJob> takeJobs() { return std::move(Jobs); }

  /// The entries for \p Files (paths relative to the current directory).
  llvm::Expected<std::vector<TuJob>> jobsFor(llvm::ArrayRef<std::string> Files) const;

  /// The directory holding the first compile_commands.json.
  const std::string &firstDatabaseDir() const { return FirstDir; }

private:
  std::vector<TuJob> Jobs;
  std::string FirstDir;
};

} // namespace gup

#endif
