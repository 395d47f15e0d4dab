// Every element-wise op of the tensor library: arithmetic, pow, unary math,
// clamp, comparisons, bitwise logic, where, closeness, and in-place writes.
// Forward computations only (no autograd graph); an autograd layer wraps them.
#pragma once

#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_bitwise.hpp"
#include "tensor/elementwise_clamp.hpp"
#include "tensor/elementwise_close.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_fill.hpp"
#include "tensor/elementwise_pow.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/elementwise_unary.hpp"
#include "tensor/elementwise_where.hpp"
