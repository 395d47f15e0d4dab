// Whether operations record autograd history (torch.no_grad turns it off).
#pragma once

namespace lesson::autograd {

bool grad_enabled();
void set_grad_enabled(bool enabled);

// RAII form of `with torch.no_grad():`; restores the previous mode.
class NoGradGuard {
 public:
  NoGradGuard() : previous_(grad_enabled()) { set_grad_enabled(false); }
  ~NoGradGuard() { set_grad_enabled(previous_); }
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};

}  // namespace lesson::autograd
