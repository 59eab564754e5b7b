/* What an O= build generates for an arch without its own header. */
#include <asm-generic/unaligned.h>
