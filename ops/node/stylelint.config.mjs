// Stylelint for static/css (make lint). The standard rules, with the house style of hub.css:
// one rule per line (compact), BEM-style class names (block__element--modifier).
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // hub.css writes one rule per line.
    "declaration-block-single-line-max-declarations": null,
    // The stylesheet is ordered by component; this rule compares unrelated components' selectors
    // (".toc a" after ".language-switcher ul a") and would force a cascade-risky reordering.
    "no-descending-specificity": null,
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9_]+(-[a-z0-9_]+)*)?$",
      { message: "Class names are lower-case BEM: block__element--modifier" },
    ],
  },
};
