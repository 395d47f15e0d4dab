// The bytecode: 32-bit words, opcode in the low 8 bits and the argument in
// the upper 24. Jump arguments are absolute instruction indices.
#pragma once

#include <cstdint>

namespace lesson::python {

#define LESSON_PY_OPCODES(X)                                                   \
  X(NOP)                                                                       \
  X(POP_TOP)                                                                   \
  X(ROT_TWO)                                                                   \
  X(ROT_THREE)                                                                 \
  X(ROT_FOUR)                                                                  \
  X(DUP_TOP)                                                                   \
  X(DUP_TOP_TWO)                                                               \
  X(PUSH_NULL)                                                                 \
  X(LOAD_CONST)                                                                \
  X(LOAD_FAST)                                                                 \
  X(STORE_FAST)                                                                \
  X(DELETE_FAST)                                                               \
  X(LOAD_DEREF)       /* arg: cell index (cells then frees) */                 \
  X(STORE_DEREF)                                                               \
  X(DELETE_DEREF)                                                              \
  X(LOAD_CLOSURE)     /* push the cell itself */                               \
  X(LOAD_CLASSDEREF)  /* class body: class namespace, then the cell */         \
  X(LOAD_NAME)                                                                 \
  X(STORE_NAME)                                                                \
  X(DELETE_NAME)                                                               \
  X(LOAD_GLOBAL)                                                               \
  X(STORE_GLOBAL)                                                              \
  X(DELETE_GLOBAL)                                                             \
  X(LOAD_ATTR)                                                                 \
  X(STORE_ATTR)                                                                \
  X(DELETE_ATTR)                                                               \
  X(LOAD_METHOD)      /* pushes (func, self) or (NULL, attr) */                \
  X(BINARY_OP)        /* arg: BinOp, +16 for the in-place form */              \
  X(UNARY_OP)         /* arg: UnaryOp */                                       \
  X(UNARY_NOT)                                                                 \
  X(COMPARE_OP)       /* arg: CmpOp */                                         \
  X(IS_OP)            /* arg 1: is not */                                      \
  X(CONTAINS_OP)      /* arg 1: not in */                                      \
  X(BINARY_SUBSCR)                                                             \
  X(STORE_SUBSCR)                                                              \
  X(DELETE_SUBSCR)                                                             \
  X(BUILD_SLICE)                                                               \
  X(BUILD_TUPLE)                                                               \
  X(BUILD_LIST)                                                                \
  X(BUILD_SET)                                                                 \
  X(BUILD_MAP)        /* arg: number of key/value pairs */                     \
  X(BUILD_CONST_SET)  /* set display of constants: tuple on top */             \
  X(BUILD_STRING)                                                              \
  X(LIST_APPEND)      /* arg: depth of the list below the value */             \
  X(SET_ADD)                                                                   \
  X(MAP_ADD)                                                                   \
  X(LIST_EXTEND)                                                               \
  X(SET_UPDATE)                                                                \
  X(DICT_UPDATE)                                                               \
  X(DICT_MERGE)       /* like DICT_UPDATE, for call **kwargs (dup keys fail) */\
  X(LIST_TO_TUPLE)                                                             \
  X(FORMAT_VALUE)     /* arg: conversion (0 none, 1 s, 2 r, 3 a) | 4 if spec */\
  X(JUMP)                                                                      \
  X(JUMP_BACKWARD)    /* also polls interrupts and the time budget */          \
  X(POP_JUMP_IF_FALSE)                                                         \
  X(POP_JUMP_IF_TRUE)                                                          \
  X(JUMP_IF_FALSE_OR_POP)                                                      \
  X(JUMP_IF_TRUE_OR_POP)                                                       \
  X(GET_ITER)                                                                  \
  X(FOR_ITER)         /* arg: target when exhausted (iterator popped) */       \
  X(UNPACK_SEQUENCE)                                                           \
  X(UNPACK_EX)        /* arg: before | after << 8 */                           \
  X(CALL)             /* arg: positional count; stack: NULL|f, f|self, args */ \
  X(CALL_KW)          /* arg: total count; kwnames tuple on top */             \
  X(CALL_EX)          /* arg 1: kwargs dict on top; then args tuple */         \
  X(MAKE_FUNCTION)    /* arg: 1 defaults, 2 kwdefaults, 8 closure */           \
  X(RETURN_VALUE)                                                              \
  X(YIELD_VALUE)                                                               \
  X(YIELD_FROM)       /* stack: iter, value to send */                         \
  X(GET_YIELD_FROM_ITER)                                                       \
  X(RAISE_VARARGS)                                                             \
  X(SETUP_FINALLY)    /* arg: handler; pushes a block */                       \
  X(SETUP_WITH)       /* like SETUP_FINALLY, the block excludes TOS */         \
  X(POP_BLOCK)                                                                 \
  X(PUSH_EXC_INFO)                                                             \
  X(POP_EXCEPT)                                                                \
  X(POP_EXCEPT_RERAISE)                                                        \
  X(CHECK_EXC_MATCH)                                                           \
  X(RERAISE)                                                                   \
  X(BEFORE_WITH)                                                               \
  X(WITH_EXIT)        /* normal exit: calls __exit__(None, None, None) */      \
  X(WITH_EXCEPT_START)                                                         \
  X(IMPORT_NAME)      /* arg: name; stack: fromlist */                         \
  X(IMPORT_FROM)                                                               \
  X(IMPORT_STAR)                                                               \
  X(LOAD_BUILD_CLASS)                                                          \
  X(LOAD_ASSERTION_ERROR)                                                      \
  X(SETUP_ANNOTATIONS)

enum Opcode : std::uint8_t {
#define LESSON_PY_OP_ENUM(name) OP_##name,
  LESSON_PY_OPCODES(LESSON_PY_OP_ENUM)
#undef LESSON_PY_OP_ENUM
      OP_COUNT_
};

const char* opcode_name(int op);

inline constexpr std::uint32_t encode_op(Opcode op, std::uint32_t arg = 0) { return op | (arg << 8); }
inline constexpr Opcode op_of(std::uint32_t word) { return static_cast<Opcode>(word & 0xff); }
inline constexpr std::uint32_t arg_of(std::uint32_t word) { return word >> 8; }

}  // namespace lesson::python
