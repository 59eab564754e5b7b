//===- GupTidyModule.cpp - The "gup" clang-tidy module --------------------===//
//
// clang-tidy-19 --load=libGupTidy.so -checks='-*,gup-*' FILE -- FLAGS
//
// One check per distinct RuleInfo::TidyCheck of the rule table, so a rule
// added to the table with a new check name shows up here without a second
// list to keep in step.
//
//===----------------------------------------------------------------------===//
#include "MigrationCheck.h"

#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

namespace gup::tidy {
namespace {

class GupModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    for (const std::string &Name : MigrationCheck::checkNames())
      Factories.registerCheckFactory(
          Name, [](llvm::StringRef CheckName, clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<MigrationCheck>(CheckName, Context);
          });
  }
};

} // namespace
} // namespace gup::tidy

// Loading the plugin runs this constructor, which adds the module to the
// registry that lives in the clang-tidy binary.
static clang::tidy::ClangTidyModuleRegistry::Add<gup::tidy::GupModule>
    Registration("gup-module",
                 "Migration of the GUP API across Linux 6.5 (the vmas "
                 "parameter is gone).");
