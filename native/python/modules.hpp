// The standard modules implemented natively: math, random (CPython's
// Mersenne Twister, same numbers), time, a small sys and matplotlib.pyplot.
#pragma once

namespace lesson::python {

class Vm;
class Module;

void init_math_module(Vm& vm, Module& m);
void init_random_module(Vm& vm, Module& m);
void init_time_module(Vm& vm, Module& m);
void init_sys_module(Vm& vm, Module& m);
// warnings: filters, warn(), catch_warnings (module_warnings.cpp).
void init_warnings_module(Vm& vm, Module& m);
// matplotlib and matplotlib.pyplot: figures recorded as data (figure.hpp).
void init_matplotlib_module(Vm& vm, Module& m);
void init_pyplot_module(Vm& vm, Module& m);
// Sends every open figure of the session to vm.figure_sink and closes them
// (plt.show(), and the end of each cell).
void show_open_figures(Vm& vm);

}  // namespace lesson::python
