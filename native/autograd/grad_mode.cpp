#include "autograd/grad_mode.hpp"

namespace lesson::autograd {

namespace {
// One runtime per process/worker and no threads: a plain global suffices.
bool g_grad_enabled = true;
}  // namespace

bool grad_enabled() { return g_grad_enabled; }
void set_grad_enabled(bool enabled) { g_grad_enabled = enabled; }

}  // namespace lesson::autograd
