/** The settings page, in English. The type makes a missing or extra key a compile error. */
import type { settingsPageZhCN } from './settingsPage.zh-CN';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const settingsPageEn: Shape<typeof settingsPageZhCN> = {
  settings: {
    title: 'Settings',
    branchTitle: 'Branch',
    branchSaved: 'Branch details saved.',
    usersTitle: 'Accounts',
    newUser: 'New account',
    username: 'User name',
    displayName: 'Name',
    role: 'Role',
    department: 'Department',
    password: 'Initial password',
    create: 'Create account',
    created: 'Account {{name}} created.',
    actions: 'Actions',
    resetPassword: 'Reset password',
    newPassword: 'New password for {{name}}',
    savePassword: 'Save new password',
    passwordReset: 'Password of {{name}} reset; their open sessions must log in again.',
    demoTitle: 'Demo data',
    demoBody: 'Loads about 3,000 fictitious tickets for training. Do not use on a live database.',
    demoLoad: 'Load demo data',
    demoLoaded: '{{count, number}} demo tickets loaded.',
    state: 'State',
    active: 'Active',
    inactive: 'Disabled',
    disable: 'Disable',
    enable: 'Enable',
    disabled: 'Account {{name}} disabled; their open sessions have ended. Their history stays.',
    enabled: 'Account {{name}} enabled again.',
    ownPasswordTitle: 'My password',
    currentPassword: 'Current password',
    ownNewPassword: 'New password',
    ownPasswordSave: 'Change my password',
    ownPasswordChanged: 'Your password has been changed. Your sessions on other workstations have ended.',
    adminOnly: 'Only an administrator can change settings.',
  },
};
