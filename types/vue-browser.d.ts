// The browser build has no types of its own; it is the same API as 'vue'.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
