/** The import wizard's steps, shared by the upload page and the review page. */
export const IMPORT_STEPS = ["Choose a file", "Review", "Create accounts", "Finish"];
