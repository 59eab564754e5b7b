#include "pin_proto.h"
#define PIN_ONE(addr, pagep) \
	pin_user_pages(addr, 1, 0, pagep, NULL)
