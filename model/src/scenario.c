/* Scenario life cycle: begin, finish and the summary. */
#include <linux/mm.h>

#include "internal.h"

static void gm_at_exit(void)
{
	if (gm.begun && !gm.finished) {
		gm.errors++;
		gm_trace("MODEL-ERROR: the scenario ended without gup_model_finish()");
		gm_write(2, "gup-model: the scenario ended without gup_model_finish()\n");
		gm.finished = true;
		gm_exit(1);
	}
}

void gup_model_begin_api(int api)
{
	struct gm_mm *m;

	if (gm.begun)
		gm_fatal("gup_model_begin() called twice");
	if ((api >= 605) != (gm_lib_api >= 605))
		gm_fatal("scenario compiled for GUP_MODEL_API=%d but linked with the model library for %d",
			 api, gm_lib_api);
	gm.begun = true;
	gm.api = api;
	gm.debug = gm_getenv("GUP_MODEL_DEBUG") != NULL;
	m = gm_new_mm("mm");
	gm.cur = m;
	gm.task = m->task;
	gm_atexit(gm_at_exit);
	gm_debug("scenario begins (API %d, library %d)", api, gm_lib_api);
}

int gup_model_finish(void)
{
	int problems, leaks;

	gm_require_begun("gup_model_finish");
	if (gm.finished)
		gm_fatal("gup_model_finish() called twice");
	gm.finished = true;
	gm_trace("== gup-model summary ==");
	problems = gm_check_mms();
	gm_print_pages("pages", true);
	leaks = gm_check_leaks();
	gm_trace("foll-pin: acquired=%ld released=%ld", gm.pin_acquired, gm.pin_released);
	gm_trace("warnings: %d", gm.warns);
	gm_trace("model-errors: %d", gm.errors);
	(void)problems;
	if (gm.errors || leaks) {
		gm_trace("result: FAIL (%d model error(s), %d leak(s))", gm.errors, leaks);
		gm_write(2, "gup-model: scenario FAILED: see MODEL-ERROR/LEAK lines in the trace\n");
		return 1;
	}
	gm_trace("result: OK");
	return 0;
}
