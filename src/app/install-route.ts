import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { gitIgnoreRule } from "./git-ignore.js";
import { fileExists } from "./output-files.js";

/** How a project's package.json installs slocc, read from the specifier npm saved there. */
export type InstallRoute =
  /** From the npm registry: a version, a range or a tag. */
  | { readonly kind: "registry"; readonly spec: string }
  /** A tarball on disk, such as `file:vendor/slocc-0.1.0.tgz` (`path` relative to package.json). */
  | { readonly kind: "tarball"; readonly path: string }
  /** A tarball at a URL, such as a release's download link. */
  | { readonly kind: "url"; readonly spec: string }
  /** A link to a directory on disk, such as `file:../slocc`. */
  | { readonly kind: "directory"; readonly path: string }
  /** Sources from git, which npm would have to build. */
  | { readonly kind: "git"; readonly spec: string };

const TARBALL = /\.(tgz|tar\.gz|tar)$/;

/**
 * The route of an npm dependency specifier, as npm reads it: paths (`file:`, `link:`, `./`, `../`, `/`, `~/`)
 * are tarballs or directories by their name, http(s) URLs to a tarball are downloads, other URLs
 * and `owner/repo` shorthands are git, and the rest (versions, ranges, tags, `npm:` aliases) come
 * from the registry.
 */
export function installRouteOf(spec: string): InstallRoute {
  const path = /^(file|link):/.test(spec)
    ? spec.replace(/^(file|link):/, "")
    : /^(\.{1,2}\/|\/|~\/)/.test(spec)
      ? spec
      : undefined;
  if (path !== undefined) return TARBALL.test(path) ? { kind: "tarball", path } : { kind: "directory", path };
  if (/^https?:\/\//.test(spec) && TARBALL.test(spec.split(/[?#]/)[0] ?? "")) return { kind: "url", spec };
  if (/^[a-z+]+:/.test(spec) && !spec.startsWith("npm:")) return { kind: "git", spec };
  if (/^[^@/\s]+\/[^/\s]+$/.test(spec)) return { kind: "git", spec };
  return { kind: "registry", spec };
}

/** How to install the release tarball so that CI installs it too, for messages. */
function vendoredInstall(tarball: string): string {
  return `mkdir -p vendor && cp ${tarball} vendor/ && npm install --save-dev ./vendor/${tarball.split("/").pop() ?? tarball}, then commit vendor/`;
}

/**
 * Checks that CI, which clones the repository and runs `npm ci`, installs the same slocc as
 * `root/package.json` names: that package.json lists slocc, from the registry, a tarball URL, or a
 * tarball inside the repository (`repositoryTop`, or `root` outside git) that git does not ignore;
 * and that package-lock.json is there, which `npm ci` and setup-node's npm cache need. Resolves to
 * each problem found, as a sentence that says what to do.
 */
export async function checkInstall(root: string, repositoryTop: string | undefined): Promise<string[]> {
  const manifest = await readFile(join(root, "package.json"), "utf8").then(
    (text) => JSON.parse(text) as unknown,
    () => undefined,
  );
  const release = "slocc-<version>.tgz";
  if (manifest === undefined) {
    return [
      `no package.json here, so CI's \`npm ci\` cannot install slocc: install the release tarball, ${vendoredInstall(release)}`,
    ];
  }
  const spec = dependencySpec(manifest, "slocc");
  const lockProblems = (await fileExists(join(root, "package-lock.json")))
    ? []
    : [
        "no package-lock.json, which CI's `npm ci` and its npm cache need: run npm install, and commit package-lock.json",
      ];
  if (spec === undefined) {
    return [
      `package.json does not list slocc, so CI's \`npm ci\` will not install it: ${vendoredInstall(release)}`,
      ...lockProblems,
    ];
  }
  return [...(await routeProblems(installRouteOf(spec), root, repositoryTop)), ...lockProblems];
}

async function routeProblems(route: InstallRoute, root: string, top: string | undefined): Promise<string[]> {
  switch (route.kind) {
    case "registry":
    case "url":
      return [];
    case "git":
      return [
        `package.json installs slocc from git (${route.spec}), which npm 11 does not build unless allowed, so it comes without its dist/: install the release tarball instead, ${vendoredInstall("slocc-<version>.tgz")}`,
      ];
    case "directory":
      return [
        `package.json links slocc to the directory ${route.path}, which CI's clone does not have: install the release tarball instead, ${vendoredInstall("slocc-<version>.tgz")}`,
      ];
    case "tarball": {
      const tarball = resolve(root, route.path);
      const inside = relative(top ?? root, tarball);
      if (route.path.startsWith("~/") || inside.startsWith("..") || isAbsolute(inside)) {
        return [
          `package.json installs slocc from ${route.path}, outside this repository, where CI's \`npm ci\` cannot find it: ${vendoredInstall(route.path)}`,
        ];
      }
      const shown = inside.split(sep).join("/");
      const rule = top === undefined ? undefined : await gitIgnoreRule(top, shown);
      if (rule !== undefined) {
        return [
          `git ignores ${shown} (${rule.pattern}, line ${rule.line} of ${relative(root, rule.file).split(sep).join("/")}), so CI's clone will not have the slocc package.json installs: add the line !${shown} to that file, and commit the tarball`,
        ];
      }
      return [];
    }
  }
}

/** The specifier `name` has in a package.json's dependencies or devDependencies, if any. */
function dependencySpec(manifest: unknown, name: string): string | undefined {
  if (typeof manifest !== "object" || manifest === null) return undefined;
  for (const field of ["devDependencies", "dependencies"]) {
    const dependencies = (manifest as Record<string, unknown>)[field];
    if (typeof dependencies !== "object" || dependencies === null) continue;
    const spec = (dependencies as Record<string, unknown>)[name];
    if (typeof spec === "string") return spec;
  }
  return undefined;
}
