/* Nothing of GUP in here. */
int quiet_helper(int x);
