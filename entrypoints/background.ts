export default defineBackground(() => {
  // Filled by the foundation work: message router, badge.
});
