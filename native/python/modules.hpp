// The standard modules implemented natively: math, random (CPython's
// Mersenne Twister, same numbers), time and a small sys.
#pragma once

namespace lesson::python {

class Vm;
class Module;

void init_math_module(Vm& vm, Module& m);
void init_random_module(Vm& vm, Module& m);
void init_time_module(Vm& vm, Module& m);
void init_sys_module(Vm& vm, Module& m);

}  // namespace lesson::python
