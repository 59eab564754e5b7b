#define STR2(x) #x
#define STR(x) STR2(x)
_Static_assert(sizeof(STR(SPACED)) == sizeof("a b"), "SPACED is one word with a space");
_Static_assert(sizeof(QUOTED) == sizeof("q\"x"), "QUOTED is a string with a quote");
_Static_assert(BACKSLASHED == 12, "BACKSLASHED is one word");
long f(void);
