# lit configuration for gup-rewrite. Build facts come from lit.site.cfg.py.
import os
import shutil
import subprocess

import lit.formats
import lit.llvm

lit.llvm.initialize(lit_config, config)
from lit.llvm import llvm_config  # noqa: E402  (set by initialize)

config.name = "gup-rewrite"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit-helpers"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.gup_obj_root, "test")

llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_system_environment(["HOME", "TMPDIR", "XDG_CACHE_HOME"])
# The prefilter's cache of the tests' trees stays in the build tree.
config.environment["GUP_REWRITE_CACHE_DIR"] = os.path.join(
    config.gup_obj_root, "test", "prefilter-cache")

src = config.gup_src_root
helpers = os.path.join(src, "test", "lit-helpers")
include_dir = os.path.join(src, "model", "include")
python = config.python_executable
gup_rewrite = os.path.join(config.gup_tools_dir, "gup-rewrite")
# `lit --param parse-equivalence=1` (make check-parse-equivalence): every
# invocation of the tool, by any test or helper, runs it with --full-parse
# and without and fails unless both agree (lit-helpers/parse_equivalence.py).
if lit_config.params.get("parse-equivalence"):
    config.environment["GUP_REAL_TOOL"] = gup_rewrite
    gup_rewrite = os.path.join(helpers, "parse_equivalence.py")
    config.available_features.add("parse-equivalence")

# --- mutation runs (make mutation, test/mutation.py, docs/testing.md) ---
# --param disable_rule=NAME: every run of the tool skips the rule NAME
# (--disable-rule), so the rule's tests must fail. --param disable_check=NAME:
# every clang-tidy run of %check-rewrite and %check-tidy leaves the check NAME
# out, so the tests comparing clang-tidy with the tool must fail.
# --param mutation_log=FILE: %check-rewrite appends whether disabling the rule
# changed the tool's output at all (a rule the tool does not let one disable
# changes nothing). The reference model's runs are left out of mutation runs.
disable_rule = lit_config.params.get("disable_rule")
disable_check = lit_config.params.get("disable_check")
mutation_log = lit_config.params.get("mutation_log")
mutation_args = ""
if disable_rule:
    mutation_args += f" --disable-rule={disable_rule}"
    if mutation_log:
        mutation_args += f" --mutation-log={mutation_log}"
if disable_check:
    mutation_args += f" --disable-check={disable_check}"
mutation = bool(disable_rule or disable_check)

if disable_rule:
    config.substitutions.append(("%gup-rewrite",
        f"{python} {os.path.join(helpers, 'mutation_tool.py')} --tool={gup_rewrite} "
        f"--disable-rule={disable_rule}"
        + (f" --mutation-log={mutation_log}" if mutation_log else "") + " --"))
else:
    config.substitutions.append(("%gup-rewrite", gup_rewrite))
# Kernel-like stub headers (NULL defined the kernel way); GUP_MODEL_API picks
# the side of the migration (604 = before, 605 = after).
config.substitutions.append(("%kinclude", include_dir))
config.substitutions.append(("%kclang", f"{config.clang} -std=gnu11 -Wall -Werror -fsyntax-only -I{include_dir}"))
# The same checks with only the include paths the test gives (its own tree).
config.substitutions.append(("%cc-werror", f"{config.clang} -std=gnu11 -Wall -Werror -fsyntax-only"))
config.substitutions.append(("%mkdb", f"{python} {os.path.join(helpers, 'mkdb.py')}"))
# The clang-tidy plugin (tidy/). When it is built, %check-rewrite also runs
# every snippet through clang-tidy -fix and requires the tool's result.
plugin = os.path.join(config.gup_lib_dir, "libGupTidy.so")
clang_tidy = os.path.join(config.llvm_tools_dir, "clang-tidy")
have_tidy = os.path.exists(plugin) and os.path.exists(clang_tidy)
tidy_args = f" --clang-tidy={clang_tidy} --plugin={plugin}" if have_tidy else ""
config.substitutions.append(("%check-rewrite",
    f"{python} {os.path.join(helpers, 'check_rewrite.py')} --tool={gup_rewrite} "
    f"--include={include_dir} --clang={config.clang} --llvm-bin={config.llvm_tools_dir}"
    + tidy_args + mutation_args))
# Generated call sites (test/generated/gen_shapes.py): `check` with the tool,
# the compiler, the model headers and, when built, the clang-tidy plugin.
config.substitutions.append(("%gen-shapes-check",
    f"{python} {os.path.join(src, 'test', 'generated', 'gen_shapes.py')} check "
    f"--tool={gup_rewrite} --clang={config.clang} --include={include_dir}"
    + (f" --clang-tidy={clang_tidy} --plugin={plugin}" if have_tidy else "")))
# Generated sites of the shipped migration specs (gen_spec_shapes.py).
config.substitutions.append(("%gen-spec-shapes-check",
    f"{python} {os.path.join(src, 'test', 'generated', 'gen_spec_shapes.py')} check "
    f"--tool={gup_rewrite} --clang={config.clang} "
    f"--include={os.path.join(src, 'test', 'migrations', 'Inputs', 'include')} "
    f"--include={include_dir}"
    + (f" --clang-tidy={clang_tidy} --plugin={plugin}" if have_tidy else "")))
config.substitutions.append(("%expect-exit", f"{python} {os.path.join(helpers, 'expect_exit.py')}"))
config.substitutions.append(("%gup-src-root", src))
config.substitutions.append(("%gup-obj-root", config.gup_obj_root))
config.substitutions.append(("%python", python))
config.substitutions.append(("%gup-version", config.gup_version))
# A git that knows no identity but what the test configures: no system or
# user config, and no repository above the test's own directories (the
# build tree usually sits in a checkout).
config.substitutions.append(("%git-env",
    "env GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
    f"GIT_CEILING_DIRECTORIES={config.test_exec_root}"))

# Optional capabilities.
if shutil.which("git"):
    config.available_features.add("git")
if shutil.which("patch"):
    config.available_features.add("patch")
# Installing (test/install): cmake --install, cpack, the package's tools.
config.substitutions.append(("%cmake", config.cmake))
# clang-19 and its resource directory, for what the tool must agree with.
config.substitutions.append(("%clang-bin", config.clang))
config.substitutions.append(("%clang-resource-dir", subprocess.run(
    [config.clang, "-print-resource-dir"], capture_output=True, text=True).stdout.strip()))
if os.path.exists(config.cpack) and shutil.which("dpkg-deb") and shutil.which("dpkg"):
    config.available_features.add("deb")
    config.substitutions.append(("%cpack", config.cpack))
    config.substitutions.append(("%deb-arch", subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()))
if shutil.which("groff"):
    config.available_features.add("groff")
if os.getuid() == 0:
    # root ignores file permissions, so "unwritable" tests cannot fail for it
    config.available_features.add("root")
if have_tidy:
    config.available_features.add("tidy-plugin")
    config.substitutions.append(("%gup-plugin", plugin))
    config.substitutions.append(("%clang-tidy", clang_tidy))
    config.substitutions.append(("%run-clang-tidy",
        os.path.join(config.llvm_tools_dir, "run-clang-tidy")))
    config.substitutions.append(("%check-tidy",
        f"{python} {os.path.join(helpers, 'check_tidy.py')} --clang-tidy={clang_tidy} "
        f"--plugin={plugin} --include={include_dir} --llvm-bin={config.llvm_tools_dir}"
        + (f" --disable-check={disable_check}" if disable_check else "")))
# Merging --export-fixes files (tidy tests, --shard).
clang_apply = os.path.join(config.llvm_tools_dir, "clang-apply-replacements")
if os.path.exists(clang_apply):
    config.available_features.add("clang-apply-replacements")
    config.substitutions.append(("%clang-apply-replacements", clang_apply))
model_lib = os.path.join(config.gup_lib_dir, "libgupmodel.a")
if os.path.exists(model_lib) and not mutation:
    config.available_features.add("model")

# --- reference model ---
# Userspace GUP model (model/, docs/model.md), gated on the "model" feature.
# %model-cc compiles and links a driver under ASan+UBSan against the model
# archive of the API side named by -DGUP_MODEL_API (604 when absent).
# %model-run runs a snippet before and after gup-rewrite and compares traces
# (test/lit-helpers/model_run.py).
if "model" in config.available_features:
    model_cc = (f"{python} {os.path.join(src, 'model', 'scripts', 'model_cc.py')} "
                f"--clang={config.clang} --include={include_dir} "
                f"--libdir={config.gup_lib_dir}")
    config.substitutions.append(("%model-cc", model_cc))
    config.substitutions.append(("%model-run",
        f"{python} {os.path.join(helpers, 'model_run.py')} --tool={gup_rewrite} "
        f"--model-cc-script={os.path.join(src, 'model', 'scripts', 'model_cc.py')} "
        f"--clang={config.clang} --include={include_dir} "
        f"--libdir={config.gup_lib_dir}"))
    # ASan's report must reach FileCheck unchanged, and LSan must run.
    config.environment["ASAN_OPTIONS"] = "detect_leaks=1:color=never"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:color=never"
