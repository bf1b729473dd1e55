// ESLint for static/js (make lint): browser scripts, each an IIFE, no build step.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: "error",
      "no-implicit-globals": "error",
      strict: ["error", "function"],
    },
  },
];
