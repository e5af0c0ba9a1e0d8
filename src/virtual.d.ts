declare module 'virtual:error-catalog/options' {
  const options: import('./integration/options').ErrorCatalogOptions;
  export default options;
}
